import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePdf } from '../functions/demo/pdf.js';
import { makeTestPki, signPdf } from '../test/support/pdf-signing.js';

/**
 * The `signatures` case of `npm run bench`: verification of a signed PDF of `sizeMb` (default 20)
 * as completion runs it (functions/archive/signatures/verify.ts on the bytes in memory), in a fresh
 * Node process so its peak resident memory is the verification's alone, next to the 1024 MB of the
 * Lambda. The file is made here: a one-page PDF, an incremental update carrying a stream of random
 * bytes (incompressible, like a scan), then a signature by a test CA.
 */
export type SignatureBench = { sizeBytes: number; runs: number; timesMs: number[]; p50Ms: number; maxMs: number; maxRssMb: number; status: string };

export async function signatureCase(opts: { sizeMb: number; runs: number }): Promise<SignatureBench> {
  const pki = await makeTestPki();
  const signed = await signPdf(bigPdf(opts.sizeMb * 1024 * 1024), pki.signer);
  const dir = mkdtempSync(join(tmpdir(), 'bench-signatures-'));
  try {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, signed);
    writeFileSync(join(dir, 'anchors.pem'), pki.rootPem);
    const child = join(import.meta.dirname, 'signatures-child.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', child, file, join(dir, 'anchors.pem'), String(opts.runs)], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { timesMs: number[]; maxRssMb: number; status: string };
    const sorted = [...r.timesMs].sort((a, b) => a - b);
    return {
      sizeBytes: signed.length,
      runs: opts.runs,
      timesMs: r.timesMs,
      p50Ms: sorted[Math.floor(sorted.length / 2)]!,
      maxMs: sorted[sorted.length - 1]!,
      maxRssMb: r.maxRssMb,
      status: r.status,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A valid PDF of about `bytes`: the demo page, then an incremental update holding one large stream. */
function bigPdf(bytes: number): Buffer {
  const base = makePdf('BENCH: VAN BAN KY SO 20 MB');
  const text = base.toString('latin1');
  const prev = Number([...text.matchAll(/startxref\s+(\d+)/g)].pop()![1]);
  const payload = randomBytes(bytes);
  const head = Buffer.from(`6 0 obj\n<< /Length ${payload.length} >>\nstream\n`, 'latin1');
  const at = base.length;
  const tail = Buffer.from('\nendstream\nendobj\n', 'latin1');
  const xref = at + head.length + payload.length + tail.length;
  const trailer = Buffer.from(
    `xref\n0 1\n0000000000 65535 f \n6 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`,
    'latin1',
  );
  return Buffer.concat([base, head, payload, tail, trailer]);
}
