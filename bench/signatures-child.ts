import { readFileSync } from 'node:fs';
import { verifyPdfSignatures } from '../functions/archive/signatures/verify.js';

/** Child of bench/signatures.ts: reads the file, verifies it `runs` times, prints times and peak RSS as JSON. */
const [file, anchorsFile, runs] = process.argv.slice(2);
const pdf = readFileSync(file!);
const trustAnchorsPem = readFileSync(anchorsFile!, 'utf8');
const timesMs: number[] = [];
let status = '';
for (let i = 0; i < Number(runs); i++) {
  const started = performance.now();
  status = verifyPdfSignatures(pdf, { trustAnchorsPem, now: new Date() }).status;
  timesMs.push(Math.round((performance.now() - started) * 10) / 10);
}
process.stdout.write(`${JSON.stringify({ timesMs, status, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
