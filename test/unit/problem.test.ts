import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { bilingual, fieldErrorsFromZod, makeProblem } from '../../shared/problem.js';

describe('problem details', () => {
  it('names each failing field with a Vietnamese and an English message', () => {
    const schema = z.strictObject({ email: z.email(), items: z.array(z.object({ title: z.string().min(3) })) });
    const r = schema.safeParse({ email: 'nope', items: [{ title: 'ab' }], extra: true }, { reportInput: true });
    expect(r.success).toBe(false);
    const errors = fieldErrorsFromZod(r.error!.issues, 'body');
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField.email!.message_en).toBe('Invalid email address');
    expect(byField.email!.message_vi).toBe('Địa chỉ email không hợp lệ');
    expect(byField['items.0.title']!.message_vi).toMatch(/Quá nhỏ/);
    expect(byField['items.0.title']!.message_en).toMatch(/Too small/);
    expect(byField.extra!.message_vi).toBe('Trường "extra" không được chấp nhận');
  });

  it('uses the schema’s own bilingual wording when given', () => {
    const schema = z.object({ code: z.string().regex(/^\d{2}$/, bilingual('Mã tỉnh gồm 2 chữ số', 'Province code is 2 digits')) });
    const r = schema.safeParse({ code: 'x' });
    const [e] = fieldErrorsFromZod(r.error!.issues, 'path');
    expect(e).toMatchObject({ field: 'code', in: 'path', message_vi: 'Mã tỉnh gồm 2 chữ số', message_en: 'Province code is 2 digits' });
  });

  it('builds a stable type and status per problem kind', () => {
    const p = makeProblem('conflict', { detail: { vi: 'Phiên bản đã cũ', en: 'Stale version' } });
    expect(p).toMatchObject({ type: 'urn:phoi-hop:problem:conflict', status: 409, title_vi: expect.any(String), detail_vi: 'Phiên bản đã cũ' });
  });
});
