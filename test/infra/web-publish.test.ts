import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectTaggingCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createS3Client } from '../../functions/archive/s3-client.js';
import { ensureBucket } from '../../functions/local/s3-local.js';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, planWebPublish, publishWeb, readManifest } from '../../infra/web-publish.js';
import { SUPERSEDED_TAG } from '../../infra/web.js';

/** A built app as Vite lays it out: index.html and hashed assets. */
function dist(assets: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const scripts = Object.keys(assets)
    .map((a) => `<script type="module" src="/assets/${a}"></script>`)
    .join('');
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${scripts}</head><body><div id="root"></div></body></html>`);
  for (const [name, body] of Object.entries(assets)) writeFileSync(join(dir, 'assets', name), body);
  return dir;
}

let s3: S3Client;
const bucket = 'web-publish-test';
const dirs: string[] = [];
beforeAll(async () => {
  s3 = createS3Client({ endpoint: inject('s3Endpoint') });
  await ensureBucket(s3, bucket);
});
afterAll(() => {
  s3?.destroy();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('web publish plan', () => {
  it('uploads hashed assets first and index.html last, immutable vs revalidated, and supersedes what the new release dropped', () => {
    const dir = dist({ 'index-B2.js': 'b2', 'index-C1.css': 'c1' });
    dirs.push(dir);
    const plan = planWebPublish(
      dir,
      'v2',
      { version: 'v1', publishedAt: '', files: ['assets/index-A1.js', 'assets/index-C1.css', 'index.html'] },
      new Date('2026-11-30T00:00:00Z'),
    );
    expect(plan.uploads.map((u) => [u.key, u.cacheControl])).toEqual([
      ['assets/index-B2.js', CACHE_IMMUTABLE],
      ['assets/index-C1.css', CACHE_IMMUTABLE],
      ['index.html', CACHE_REVALIDATE],
    ]);
    expect(plan.uploads.find((u) => u.key === 'index.html')!.contentType).toBe('text/html; charset=utf-8');
    expect(plan.superseded).toEqual(['assets/index-A1.js']);
    expect(plan.manifest).toEqual({
      version: 'v2',
      publishedAt: '2026-11-30T00:00:00.000Z',
      files: ['assets/index-B2.js', 'assets/index-C1.css', 'index.html'],
    });
    expect(plan.invalidate).toEqual(['/', '/index.html', '/release.json']);
  });

  it('refuses a folder without index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'web-empty-'));
    dirs.push(dir);
    expect(() => planWebPublish(dir, 'v1', null, new Date())).toThrow(/no index.html/);
  });
});

describe('web publish to a bucket (S3-compatible server)', () => {
  it('keeps the previous release’s assets (tagged superseded) so an open page still loads, and leaves current ones untagged', async () => {
    const v1 = dist({ 'index-A1.js': 'console.log("v1")' });
    const v2 = dist({ 'index-B2.js': 'console.log("v2")' });
    dirs.push(v1, v2);
    await publishWeb({ s3, bucket, distDir: v1, version: 'v1' });
    expect((await readManifest(s3, bucket))!.files).toEqual(['assets/index-A1.js', 'index.html']);

    const plan = await publishWeb({ s3, bucket, distDir: v2, version: 'v2' });
    expect(plan.superseded).toEqual(['assets/index-A1.js']);
    const tags = async (key: string) => (await s3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }))).TagSet ?? [];
    // The old script is still there for pages loaded before v2, tagged for the lifecycle rule.
    const old = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'assets/index-A1.js' }));
    expect(old.CacheControl).toBe(CACHE_IMMUTABLE);
    expect(await tags('assets/index-A1.js')).toEqual([{ Key: SUPERSEDED_TAG.key, Value: SUPERSEDED_TAG.value }]);
    expect(await tags('assets/index-B2.js')).toEqual([]);
    const index = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'index.html' }));
    expect(index.CacheControl).toBe(CACHE_REVALIDATE);
    expect((await readManifest(s3, bucket))!.version).toBe('v2');

    // Rolling back to v1 makes its script current again: re-written untagged, so it never expires.
    await publishWeb({ s3, bucket, distDir: v1, version: 'v1-again' });
    expect(await tags('assets/index-A1.js')).toEqual([]);
    expect(await tags('assets/index-B2.js')).toEqual([{ Key: SUPERSEDED_TAG.key, Value: SUPERSEDED_TAG.value }]);
  });
});
