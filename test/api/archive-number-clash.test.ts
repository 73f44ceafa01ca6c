import { beforeAll, describe, expect, it } from 'vitest';
import { numberCheckResultSchema, type DocumentDetail } from '../../shared/archive/schema.js';
import type { Role } from '../../shared/roles.js';
import { makePdf } from '../support/archive-files.js';
import { archiveFlow, type Who } from '../support/archive-flow.js';
import { ddbCost, harnessSuite } from '../support/harness.js';

/** Decree 30/2020: a register never repeats a number. The archive warns before a clashing document is saved. */
let flow: ReturnType<typeof archiveFlow>;
let editor: Who, admin: Who, otherWard: Who;
let doc: DocumentDetail;

const h = harnessSuite();

beforeAll(async () => {
  flow = archiveFlow(h);
  const token = (role: Role, localityCode: string) => h.userToken({ role, provinceCode: '01', localityCode });
  [editor, admin, otherWard] = await Promise.all([token('locality_editor', '00103'), token('locality_admin', '00103'), token('locality_admin', '00166')]);
  doc = await flow.archive(editor, makePdf('QD 12'), { meta: { numberSymbol: '12/QĐ-UBND', issuingAgencies: ['UBND phường Tây Hồ'] } });
});

async function check(who: Who, numberSymbol: string, agencies: string[], extra = '') {
  const res = await flow.call(
    'GET',
    `/api/archive/number-check?numberSymbol=${encodeURIComponent(numberSymbol)}&agencies=${encodeURIComponent(agencies.join('|'))}${extra}`,
    who,
  );
  expect(res.status, await res.clone().text()).toBe(200);
  return { cost: ddbCost(res), ...numberCheckResultSchema.parse(await res.json()) };
}

describe('number clash warning', () => {
  it('finds the same number and agency, typed without diacritics or with other spacing, in one request', async () => {
    const result = await check(editor, '12 / QD-UBND', ['ubnd phuong tay ho']);
    expect(result.clashes).toEqual([
      expect.objectContaining({ documentId: doc.id, numberSymbol: '12/QĐ-UBND', issuingAgencies: ['UBND phường Tây Hồ'], deleted: false }),
    ]);
    expect(result.cost.requests).toBe(1);
  });

  it('is not a clash for another agency, another number, or the document itself', async () => {
    expect((await check(editor, '12/QĐ-UBND', ['HĐND phường Tây Hồ'])).clashes).toEqual([]);
    expect((await check(editor, '13/QĐ-UBND', ['UBND phường Tây Hồ'])).clashes).toEqual([]);
    expect((await check(editor, '12/QĐ-UBND', ['UBND phường Tây Hồ'], `&excludeId=${doc.id}`)).clashes).toEqual([]);
  });

  it('follows corrections of the number, and keeps deleted documents in the register', async () => {
    const res = await flow.call('PATCH', `/api/archive/documents/${doc.id}`, editor, { numberSymbol: '14/QĐ-UBND', version: doc.version });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await check(editor, '12/QĐ-UBND', ['UBND phường Tây Hồ'])).clashes).toEqual([]);
    expect((await check(editor, '14/QĐ-UBND', ['UBND phường Tây Hồ'])).clashes.map((c) => c.documentId)).toEqual([doc.id]);
    const deleted = await flow.call('DELETE', `/api/archive/documents/${doc.id}`, admin, { reason: 'Nhập trùng', version: doc.version + 1 });
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect((await check(editor, '14/QĐ-UBND', ['UBND phường Tây Hồ'])).clashes).toEqual([expect.objectContaining({ documentId: doc.id, deleted: true })]);
  });

  it("never answers from another tenant's register", async () => {
    expect((await check(otherWard, '14/QĐ-UBND', ['UBND phường Tây Hồ'])).clashes).toEqual([]);
    const res = await flow.call('GET', '/api/archive/number-check?numberSymbol=14%2FQD&locality=00103', otherWard);
    expect(res.status).toBe(404);
    expect(h.fenceViolations()).toEqual([]);
  });

  it('names a missing number (400 problem)', async () => {
    const res = await flow.call('GET', '/api/archive/number-check', editor);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('numberSymbol');
  });
});
