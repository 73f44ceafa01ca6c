import { defaultParties } from '../../shared/agreements/parties.js';
import type { AgreementContentInput, AgreementDetail, AgreementSummary, ListResponse } from '../../shared/agreements/schema.js';
import { problemSchema } from '../../shared/problem-schema.js';
import type { Harness } from './harness.js';

export type Headers = Record<string, string>;

/** A Tây Hồ-like 2024 program: two items, one with its own deadline. */
export function programBody(overrides: Partial<AgreementContentInput> = {}): AgreementContentInput {
  return {
    kind: 'program',
    number: '05/CTrPH-HĐND-UBND-MTTQ',
    title: 'Phối hợp công tác năm 2024',
    year: 2024,
    parties: defaultParties({ level: 'district', name: 'Quận Tây Hồ', type: 'Quận' }),
    items: [
      { title: 'Phối hợp tổ chức phản biện xã hội', lead: { agency: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam quận' } },
      {
        title: 'Phối hợp tổ chức các kỳ họp HĐND quận, các hội nghị tiếp xúc cử tri',
        lead: { agency: 'HDND', name: 'Thường trực HĐND quận' },
        cooperating: [{ agency: 'UBND', name: 'UBND quận' }],
        due: { kind: 'date', on: '2024-06-30' },
      },
    ],
    ...overrides,
  };
}

/** Phường Tây Hồ's three bodies, named as the app proposes them for a ward. */
export const TAY_HO_WARD_PARTIES = defaultParties({ level: 'commune', name: 'Phường Tây Hồ', type: 'Phường' });

/** Phường Tây Hồ's 2026 program (no number yet): its three bodies and one item, unless overridden. */
export function wardProgram2026(overrides: Partial<AgreementContentInput> = {}): AgreementContentInput {
  return programBody({
    number: '',
    title: 'Phối hợp công tác năm 2026',
    year: 2026,
    parties: TAY_HO_WARD_PARTIES,
    items: [{ title: 'Phối hợp tổ chức tiếp xúc cử tri' }],
    ...overrides,
  });
}

/** An item of a Phường Tây Hồ program led by one of its bodies and due on a day. */
export function wardItemDue(title: string, lead: 'HDND' | 'UBND' | 'MTTQ', on: string) {
  return { title, lead: TAY_HO_WARD_PARTIES.find((p) => p.agency === lead)!, due: { kind: 'date' as const, on } };
}

export function regulationBody(overrides: Partial<AgreementContentInput> = {}): AgreementContentInput {
  return {
    kind: 'regulation',
    number: '69/QCPH-HĐND-UBND-MTTQ',
    title: 'Phối hợp công tác nhiệm kỳ 2021-2026',
    term: { from: 2021, to: 2026 },
    parties: [
      { agency: 'HDND', name: 'Hội đồng nhân dân quận Tây Hồ' },
      { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Tây Hồ' },
    ],
    chapters: [
      {
        title: 'Quy định chung',
        articles: [{ title: 'Phạm vi điều chỉnh', text: 'Quy chế này quy định nguyên tắc, nội dung phối hợp.' }, { title: 'Nguyên tắc phối hợp' }],
      },
      { title: 'Nội dung phối hợp', articles: [{ title: 'Phối hợp giám sát', text: 'Hai bên phối hợp giám sát.' }] },
    ],
    ...overrides,
  };
}

/** A regulation of Thái Nguyên province itself: Đoàn ĐBQH is a party at province level only. */
export function thaiNguyenRegulation(overrides: Partial<AgreementContentInput> = {}): AgreementContentInput {
  return regulationBody({
    title: 'Phối hợp công tác giai đoạn 2026-2031',
    term: { from: 2026, to: 2031 },
    parties: [
      { agency: 'DBQH', name: 'Đoàn đại biểu Quốc hội tỉnh Thái Nguyên' },
      { agency: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thái Nguyên' },
    ],
    ...overrides,
  });
}

/** Small client for the agreements API of one harness. */
export function agreementsClient(h: Harness) {
  const call = async (method: string, path: string, headers: Headers, body?: unknown, extra: Headers = {}) =>
    h.app.request(`/api/agreements${path}`, {
      method,
      headers: { ...headers, ...extra, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  return {
    call,
    async create(headers: Headers, body: AgreementContentInput = programBody(), extra: Headers = {}) {
      const res = await call('POST', '', headers, body, extra);
      if (res.status !== 201) throw new Error(`create failed ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { agreement: AgreementSummary }).agreement;
    },
    async detail(headers: Headers, id: string, query = '') {
      const res = await call('GET', `/${id}${query}`, headers);
      if (res.status !== 200) throw new Error(`detail failed ${res.status}: ${await res.text()}`);
      return { res, body: (await res.json()) as AgreementDetail };
    },
    async list(headers: Headers, query = '') {
      const res = await call('GET', query ? `?${query}` : '', headers);
      return { res, body: res.status === 200 ? ((await res.json()) as ListResponse) : null };
    },
    async sign(headers: Headers, id: string, version: number, extra: Record<string, unknown> = {}) {
      const res = await call('POST', `/${id}/sign`, headers, {
        version,
        signedOn: '2024-02-28',
        place: 'Hội trường UBND quận',
        signatories: [
          { agency: 'HDND', onBehalf: 'TM. Thường trực HĐND', title: 'Chủ tịch', name: 'Nguyễn Văn An' },
          { agency: 'UBND', onBehalf: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Trần Thị Bình' },
          { agency: 'MTTQ', onBehalf: 'TM. Ban Thường trực', title: 'Chủ tịch', name: 'Lê Văn Cường' },
        ],
        ...extra,
      });
      if (res.status !== 200) throw new Error(`sign failed ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { agreement: AgreementSummary }).agreement;
    },
  };
}

export async function problemOf(res: Response) {
  if (!/application\/problem\+json/.test(res.headers.get('content-type') ?? '')) throw new Error(`not a problem: ${res.status}`);
  return problemSchema.parse(await res.json());
}
