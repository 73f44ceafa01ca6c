import { signPdf } from './pdf-signing.js';
import type { Party } from './pdf-signing.js';
import type { SignatureProblem, SignatureStatus } from '../../shared/archive/signatures.js';

/**
 * Malformed and hostile PDFs (made here) with the verdict each must end in: a clear "cannot
 * verify" (or "not signed"), never an exception, a hang or unbounded memory.
 */
export type Hostile = { bytes: Buffer; expected: { status: SignatureStatus; problem?: SignatureProblem } };

/** Objects that reference each other in a loop, a page tree that contains itself, an xref whose /Prev points at itself. */
export function circularPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Next 3 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>',
    '<< /Type /Page /Parent 2 0 R /Contents 3 0 R /Next 1 0 R >>',
  ];
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size 4 /Root 1 0 R /Prev ${xref} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function withContents(signed: Buffer, hex: string): Buffer {
  const text = signed.toString('latin1');
  const start = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const end = text.indexOf('>', start);
  return Buffer.from(text.slice(0, start) + hex.slice(0, end - start).padEnd(end - start, '0') + text.slice(end), 'latin1');
}

export async function hostilePdfs(signedOnce: Buffer, signer?: Party): Promise<Record<string, Hostile>> {
  const out: Record<string, Hostile> = {
    truncated: { bytes: signedOnce.subarray(0, signedOnce.length - 120), expected: { status: 'unverifiable', problem: 'truncated' } },
    'circular objects': { bytes: circularPdf(), expected: { status: 'not-signed' } },
    'garbage signature value': { bytes: withContents(signedOnce, 'deadbeef'.repeat(64)), expected: { status: 'unverifiable', problem: 'cms-unreadable' } },
    'deeply nested signature value': { bytes: withContents(signedOnce, '3080'.repeat(4000)), expected: { status: 'unverifiable', problem: 'cms-unreadable' } },
    'byte range beyond any file': {
      bytes: Buffer.from(
        signedOnce.toString('latin1').replace(/\/ByteRange \[0 \d+ \d+ \d+\s*\]/, (m) => '/ByteRange [0 10 99999999 99999999'.padEnd(m.length - 1, ' ') + ']'),
        'latin1',
      ),
      expected: { status: 'unverifiable', problem: 'contents-too-large' },
    },
    'too many signature dictionaries': {
      bytes: Buffer.concat([signedOnce, Buffer.from('% /ByteRange \n'.repeat(25), 'latin1')]),
      expected: { status: 'unverifiable', problem: 'too-many-signatures' },
    },
  };
  if (signer) {
    // A signature value of 3 MB: refused before any of it is decoded.
    out['huge signature value'] = {
      bytes: await signPdf(signedOnce, signer, { contentsBytes: 1_600_000 }),
      expected: { status: 'unverifiable', problem: 'contents-too-large' },
    };
  }
  return out;
}
