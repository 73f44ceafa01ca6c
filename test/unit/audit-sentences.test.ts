import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/audit/schema.js';
import { auditCatalogue } from '../../shared/audit/vocabulary.js';
import { auditSentence, auditValue, fieldLabel } from '../../web/src/audit/sentence.js';

const FUNCTIONS = join(import.meta.dirname, '..', '..', 'functions');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

/** The text of each `auditPut({...})` call in a source file (balanced parentheses). */
function auditCalls(source: string): string[] {
  const calls: string[] = [];
  for (let at = source.indexOf('auditPut('); at >= 0; at = source.indexOf('auditPut(', at + 1)) {
    let depth = 0;
    for (let i = at + 'auditPut'.length; i < source.length; i++) {
      if (source[i] === '(') depth++;
      else if (source[i] === ')' && --depth === 0) {
        calls.push(source.slice(at, i + 1));
        break;
      }
    }
  }
  return calls;
}
/** The string literals an expression can evaluate to: of a ternary, its two outcomes, not its condition. */
const literals = (expr: string) => [...(expr.includes('?') ? expr.slice(expr.indexOf('?')) : expr).matchAll(/'([a-z][a-z-]*)'/g)].map((m) => m[1]!);

/** Every (entity, action) the API writes, read from the source: literals, ternaries, and `const action = …`. */
function writtenPairs(): Set<string> {
  const pairs = new Set<string>();
  for (const file of files(FUNCTIONS)) {
    const source = readFileSync(file, 'utf8');
    for (const call of auditCalls(source)) {
      if (call.includes('input: AuditInput')) continue;
      const entityExpr = /entity:\s*([^,}]+)/.exec(call)?.[1]?.trim() ?? '';
      const entity =
        entityExpr === 'AUDIT_ENTITY'
          ? /AUDIT_ENTITY = '([a-z-]+)'/.exec(readFileSync(join(FUNCTIONS, 'supervision/service/context.ts'), 'utf8'))![1]!
          : literals(entityExpr)[0];
      const actionExpr = /action:\s*([^,}]+)/.exec(call)?.[1]?.trim();
      let actions: string[];
      if (actionExpr) actions = literals(actionExpr);
      else if (/\baction\b/.test(call)) {
        const decl = /const action = ([^;]+);/.exec(source)?.[1] ?? '';
        // A sign-up decision is the request's `decision`: approve or reject (shared/tenancy/schema.ts).
        actions = decl.includes('body.decision') ? ['approve', 'reject'] : literals(decl);
      } else actions = [];
      expect(entity, `${file}: ${call.slice(0, 120)}`).toBeTruthy();
      expect(actions.length, `${file}: ${call.slice(0, 120)}`).toBeGreaterThan(0);
      for (const action of actions) pairs.add(`${entity}:${action}`);
    }
  }
  return pairs;
}

const catalogued = new Set(Object.entries(auditCatalogue).flatMap(([entity, actions]) => actions.map((a) => `${entity}:${a}`)));

const ID = '01KBQ3Z8V7M2N4P6R8T0W2Y4A6';
function event(entity: string, action: string, targetId = ID, changes: AuditEvent['changes'] = {}): AuditEvent {
  return {
    auditId: ID,
    at: '2026-11-30T02:12:00.000Z',
    actor: { userId: 'u1', email: 'admin.hanoi@demo.phoihop.vn', name: 'Hoàng Anh Tuấn', role: 'province_admin' },
    target: { entity, id: targetId },
    action,
    changes,
  };
}
const nameOf: Record<string, AuditEvent['changes']> = {
  tenant: { name: { before: null, after: 'Phường Ba Đình' }, status: { before: 'pending', after: 'active' } },
  invitation: { email: { before: null, after: 'vanphong@badinh.gov.vn' } },
  user: { name: { before: null, after: 'Nguyễn Văn Long' } },
  agreement: { title: { before: null, after: 'Phối hợp công tác năm 2026' } },
  document: { numberSymbol: { before: null, after: '05/CTrPH-HĐND-UBND-MTTQ' } },
  supervision: { topic: { before: null, after: 'Giám sát trật tự xây dựng' } },
};
const targetsOf: Record<string, string[]> = {
  'agreement-review': [`${ID}/REVIEW#2026-H1`, `${ID}/REVIEW#2026-Y`],
  'agreement-item': [`${ID}/ITEM#003`],
  supervision: [ID, `${ID}/F001`, `${ID}/R002`, `${ID}/R002/${ID}`],
};
const RAW = [/\b[0-9A-HJKMNP-TV-Z]{26}\b/, /\d{4}-\d{2}-\d{2}/, /\{"/, /\b[a-z]+\.[0-9]+\.[a-z]+/];
/** Codes like `sign-up` or `agreement-review` (English prose may say "sign-up"; Vietnamese never has such a word). */
const CODE = /\b[a-z]+-[a-z-]+\b/;

describe('the audit log reads as sentences', () => {
  it('the catalogue holds every entity and action the API writes, and nothing it does not', () => {
    const written = writtenPairs();
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((p) => !catalogued.has(p))).toEqual([]);
    expect([...catalogued].filter((p) => !written.has(p))).toEqual([]);
  });

  for (const [entity, actions] of Object.entries(auditCatalogue)) {
    for (const action of actions) {
      it(`${entity} · ${action}: one Vietnamese and one English sentence, no code, id or ISO date`, () => {
        for (const target of targetsOf[entity] ?? [ID]) {
          const e = event(entity, action, target, nameOf[entity] ?? {});
          const vi = auditSentence(e, 'vi');
          const en = auditSentence(e, 'en');
          expect(vi).toMatch(/^Hoàng Anh Tuấn .+, 30\/11\/2026 09:12$/);
          expect(en).toMatch(/^Hoàng Anh Tuấn .+, 30\/11\/2026 09:12$/);
          expect(vi).not.toContain('thực hiện một thay đổi');
          expect(en).not.toContain('made a change');
          expect(vi, vi).not.toMatch(CODE);
          for (const raw of RAW) {
            expect(vi, vi).not.toMatch(raw);
            expect(en, en).not.toMatch(raw);
          }
        }
      });
    }
  }

  it('says the example of the issue word for word', () => {
    expect(auditSentence(event('tenant', 'approve', '01-00004', nameOf.tenant), 'vi')).toBe(
      'Hoàng Anh Tuấn phê duyệt đăng ký của Phường Ba Đình, 30/11/2026 09:12',
    );
    expect(auditSentence(event('tenant', 'approve', '01-00004', nameOf.tenant), 'en')).toBe(
      'Hoàng Anh Tuấn approved the sign-up of Phường Ba Đình, 30/11/2026 09:12',
    );
  });

  it('names fields by their label and shows values in words', () => {
    expect(fieldLabel('status', 'vi')).toBe('Trạng thái');
    expect(fieldLabel('decidedAt', 'en')).toBe('Decided at');
    expect(fieldLabel('someInternalField', 'vi')).toBe('Thông tin khác');
    expect(auditValue('pending', 'vi')).toBe('Chờ duyệt');
    expect(auditValue('active', 'en')).toBe('Active');
    expect(auditValue('2026-11-05', 'vi')).toBe('05/11/2026');
    expect(auditValue('2026-11-30T02:12:00.000Z', 'vi')).toBe('30/11/2026 09:12');
    expect(auditValue(true, 'vi')).toBe('Có');
    expect(auditValue([{ a: 1 }, { a: 2 }], 'vi')).toBe('2 mục');
    expect(auditValue({ digest: 'sha256:abc', bytes: 90000 }, 'vi')).toBe('(nội dung dài, chỉ lưu dấu kiểm)');
    expect(auditValue({ nested: { x: 1 } }, 'en')).toBe('(changed)');
    expect(auditValue(ID, 'vi')).toBe('(bản ghi liên kết)');
    // A digested field's preview of a structured value is JSON text: said, not shown.
    expect(auditValue('[{"no":1,"title":"Phối hợp…', 'vi')).toBe('(nội dung dài, đã rút gọn)');
  });
});
