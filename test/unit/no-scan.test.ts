import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('data access rules (docs/data-model.md)', () => {
  it('never scans the table in the API or shared code', () => {
    const root = join(import.meta.dirname, '..', '..');
    const offenders = [...sources(join(root, 'functions')), ...sources(join(root, 'shared'))].filter((f) =>
      // A DynamoDB Scan is a ScanCommand or a store's scan({ … }); a PDF lexer's scan() is not one.
      /\bScanCommand\b|\.scan\(\s*\{/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
