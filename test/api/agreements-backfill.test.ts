import { beforeAll, describe, expect, it } from 'vitest';
import { MeteredStore } from '../../functions/store/metered-store.js';
import type { AgreementSummary } from '../../shared/agreements/schema.js';
import { reminderKeys } from '../../shared/keys.js';
import { harnessSuite } from '../support/harness.js';
import { agreementsClient, problemOf, programBody, type Headers } from '../support/agreements.js';

/**
 * Backfilling history of agreements: a 2022 program entered in December 2026. Its signing, status
 * changes, progress notes and reviews carry the days they happened; the rules order those days, and
 * a note without a date gets today's date in Vietnam (not the UTC date of the instant it was written).
 */

let api: ReturnType<typeof agreementsClient>;
let editor: Headers;
let clock = new Date('2026-12-06T03:00:00Z');
const ward = { provinceCode: '01', localityCode: '00103' };

const h = harnessSuite({ now: () => clock });

beforeAll(async () => {
  api = agreementsClient(h);
  editor = (await h.userToken({ role: 'locality_editor', ...ward })).headers;
});

const program2022 = () =>
  programBody({
    title: 'Phối hợp công tác năm 2022',
    year: 2022,
    items: [
      { title: 'Phối hợp tổ chức phản biện xã hội', lead: { agency: 'MTTQ', name: 'Ủy ban MTTQ Việt Nam quận' }, due: { kind: 'date', on: '2022-06-30' } },
      { title: 'Phối hợp tổ chức các kỳ họp HĐND quận', lead: { agency: 'HDND', name: 'Thường trực HĐND quận' }, due: { kind: 'date', on: '2022-12-31' } },
    ],
  });

async function signed2022(inForceFromSigning: boolean): Promise<AgreementSummary> {
  const draft = await api.create(editor, program2022());
  return api.sign(editor, draft.id, draft.version, { signedOn: '2022-01-20', inForceFromSigning });
}
const fieldOf = async (res: Response) => (await problemOf(res)).errors![0];

describe('an agreement of a past year', () => {
  it('comes into force and expires on days not before the ones they follow', async () => {
    const a = await signed2022(false);
    const early = await api.call('POST', `/${a.id}/status`, editor, { version: a.version, to: 'in_force', on: '2022-01-10' });
    expect(early.status).toBe(400);
    expect(await fieldOf(early)).toMatchObject({ field: 'on', message_en: 'The date it comes into force must not be before the signing' });
    const inForce = await api.call('POST', `/${a.id}/status`, editor, { version: a.version, to: 'in_force', on: '2022-02-01' });
    expect(inForce.status, await inForce.clone().text()).toBe(200);
    const beforeForce = await api.call('POST', `/${a.id}/status`, editor, { version: a.version + 1, to: 'expired', on: '2022-01-25' });
    expect(await fieldOf(beforeForce)).toMatchObject({ field: 'on', message_vi: 'Ngày hết hiệu lực không được trước ngày có hiệu lực' });
    const expired = await api.call('POST', `/${a.id}/status`, editor, { version: a.version + 1, to: 'expired', on: '2022-12-31' });
    expect(((await expired.json()) as { agreement: AgreementSummary }).agreement).toMatchObject({
      status: 'expired',
      signedOn: '2022-01-20',
      effectiveFrom: '2022-02-01',
      effectiveTo: '2022-12-31',
    });
  });

  it('keeps progress notes dated the day the work happened, in that order, whatever order they were entered in', async () => {
    const a = await signed2022(true);
    const patch = (version: number, body: Record<string, unknown>) => api.call('PATCH', `/${a.id}/items/1`, editor, { version, ...body });
    const beforeSigning = await patch(1, { note: { on: '2022-01-05', text: 'Trước khi ký' } });
    expect(await fieldOf(beforeSigning)).toMatchObject({ field: 'note.on', message_en: 'The note must not be dated before the agreement was signed' });
    const future = await patch(1, { note: { on: '2026-12-07', text: 'Ngày mai' } });
    expect(await fieldOf(future)).toMatchObject({ field: 'note.on', message_vi: 'Ngày không được sau hôm nay' });

    // Entered newest first: the June note, then the March one.
    expect((await patch(1, { status: 'done', note: { on: '2022-06-15', text: 'Tổ chức hội nghị phản biện' } })).status).toBe(200);
    expect((await patch(2, { note: { on: '2022-03-10', text: 'Xây dựng kế hoạch phản biện' } })).status).toBe(200);
    // 01:00 on 07/12/2026 in Hà Nội is still 06/12 in UTC: a note without a date is dated the Vietnam day.
    clock = new Date('2026-12-06T18:00:00Z');
    try {
      expect((await patch(3, { progress: 80 })).status).toBe(200);
    } finally {
      clock = new Date('2026-12-06T03:00:00Z');
    }
    const { body } = await api.detail(editor, a.id);
    expect(body.items[0]!.notes.map((n) => [n.on, n.text])).toEqual([
      ['2022-03-10', 'Xây dựng kế hoạch phản biện'],
      ['2022-06-15', 'Tổ chức hội nghị phản biện'],
      ['2026-12-07', 'Đang thực hiện — 80%'],
    ]);
    // Recorded instants stay the real ones (the June note was entered first).
    expect(body.items[0]!.notes.map((n) => n.at)).toEqual(['2026-12-06T03:00:00.000Z', '2026-12-06T03:00:00.000Z', '2026-12-06T18:00:00.000Z']);
  });

  it('takes a review held in or after its year and after the signing; the due reminder for that period then goes', async () => {
    const a = await signed2022(true);
    const put = (heldOn: string) => api.call('PUT', `/${a.id}/reviews/2022-H1`, editor, { heldOn, achievements: 'Phối hợp chặt chẽ' });
    const beforeYear = await put('2021-12-20');
    expect(beforeYear.status).toBe(400);
    expect(await fieldOf(beforeYear)).toMatchObject({
      field: 'heldOn',
      message_en: 'The review must not be held before 2022 or before the agreement was signed',
    });
    expect(await fieldOf(await put('2022-01-15'))).toMatchObject({ field: 'heldOn' });
    const due = async () => {
      const entry = await new MeteredStore(h.doc, h.tableName).get({ Key: reminderKeys.dueEntry(ward, `AGR#${a.id}`), ConsistentRead: true });
      return ((entry?.units ?? []) as { u: string; due: string }[]).map((u) => u.u);
    };
    expect(await due()).toContain('REVIEW#2022-H1');
    const held = await put('2022-07-15');
    expect(held.status, await held.clone().text()).toBe(201);
    expect(((await held.json()) as { review: { heldOn: string; createdAt: string } }).review).toMatchObject({
      heldOn: '2022-07-15',
      createdAt: clock.toISOString(),
    });
    expect(await due()).not.toContain('REVIEW#2022-H1');
  });

  it('does not let an amendment be signed before the agreement it amends took effect', async () => {
    const a = await signed2022(true);
    const amend = await api.call('POST', `/${a.id}/amendments`, editor, { version: a.version, reason: 'Bổ sung nội dung phối hợp' });
    expect(amend.status, await amend.clone().text()).toBe(201);
    const draft = ((await amend.json()) as { agreement: AgreementSummary }).agreement;
    const early = await api.call('POST', `/${draft.id}/sign`, editor, {
      version: draft.version,
      signedOn: '2022-01-10',
      signatories: [{ agency: 'HDND', title: 'Chủ tịch', name: 'Nguyễn Văn An' }],
    });
    expect(early.status).toBe(400);
    expect(await fieldOf(early)).toMatchObject({ field: 'signedOn' });
    const ok = await api.sign(editor, draft.id, draft.version, { signedOn: '2022-09-01' });
    expect(ok).toMatchObject({ signedOn: '2022-09-01', status: 'in_force' });
    const { body } = await api.detail(editor, a.id);
    expect(body.agreement).toMatchObject({ status: 'superseded', effectiveFrom: '2022-01-20', effectiveTo: '2022-09-01' });
  });
});
