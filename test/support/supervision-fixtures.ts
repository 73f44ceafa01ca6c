import type { FindingInput, PlanInput } from '../../shared/supervision/schema.js';
import type { Harness } from './harness.js';

export type Headers = Record<string, string>;

/** JSON call against the app under test. */
export function caller(h: Harness) {
  return async function call(method: string, path: string, headers: Headers, body?: unknown) {
    const res = await h.app.request(path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { res, status: res.status, json, text };
  };
}

/** A thematic supervision plan of a district HĐND standing committee (test data, not from a seed article). */
export function samplePlan(over: Partial<PlanInput> = {}): PlanInput {
  return {
    owner: { body: 'hdnd_standing' },
    type: 'thematic',
    topic: 'Giám sát việc giải quyết kiến nghị của cử tri về trật tự đô thị',
    supervisedUnits: ['UBND phường Quảng An', 'UBND phường Nhật Tân'],
    period: { from: '2026-03-01', to: '2026-04-30' },
    sessions: [
      { date: '2026-03-10', time: '08:30', unit: 'UBND phường Quảng An', place: 'Trụ sở UBND phường' },
      { date: '2026-03-17', unit: 'UBND phường Nhật Tân' },
    ],
    team: {
      leader: { name: 'Nguyễn Văn An', title: 'Phó Chủ tịch HĐND quận', agency: 'HĐND quận' },
      members: [{ name: 'Trần Thị Bình', title: 'Ủy viên Ban Thường trực', agency: 'Ủy ban MTTQ quận' }],
    },
    methods: ['working_session', 'field_survey'],
    ...over,
  };
}

/**
 * A shortcoming found by the sample plan, with two recommendations: UBND phường Quảng An's due
 * 31/03/2026 and the urban management office's due 25/03/2026.
 */
export function sampleFinding(over: Partial<FindingInput> = {}): FindingInput {
  return {
    kind: 'shortcoming',
    title: 'Còn công trình vi phạm trật tự xây dựng chậm xử lý',
    detail: 'Hai công trình tại phường Quảng An chưa được xử lý dứt điểm.',
    recommendations: [
      { content: 'Xử lý dứt điểm công trình vi phạm tại tổ dân phố số 2', responsibleUnit: 'UBND phường Quảng An', deadline: '2026-03-31' },
      { content: 'Rà soát, báo cáo danh sách công trình vi phạm', responsibleUnit: 'Phòng Quản lý đô thị', deadline: '2026-03-25' },
    ],
    ...over,
  };
}
