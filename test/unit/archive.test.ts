import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../functions/archive/storage.js';
import { FileSniffer, sniff } from '../../functions/archive/sniff.js';
import { documentMetadataSchema, sha256Schema } from '../../shared/archive/schema.js';
import { keys, leadingKeyPattern, s3Keys } from '../../shared/keys.js';
import { makeDocx, makeJpeg, makePdf, makePng, makeXlsx, makeZip } from '../support/archive-files.js';

function sniffInChunks(bytes: Buffer, size: number) {
  const s = new FileSniffer();
  for (let i = 0; i < bytes.length; i += size) s.push(bytes.subarray(i, i + size));
  return s.result();
}

describe('content sniffing (magic bytes, never the name)', () => {
  it('recognises PDF, JPEG, PNG and a Word document', () => {
    expect(sniff(makePdf('Quy che phoi hop'))).toBe('pdf');
    expect(sniff(makeJpeg())).toBe('jpeg');
    expect(sniff(makePng())).toBe('png');
    expect(sniff(makeDocx())).toBe('docx');
  });

  it('refuses a ZIP without word/ entries, plain text, HTML and an empty file', () => {
    expect(sniff(makeXlsx())).toBeUndefined();
    expect(sniff(makeZip([{ name: 'notes.txt', data: 'word/ is only text here' }]))).toBeUndefined();
    expect(sniff(Buffer.from('Quy chế phối hợp'))).toBeUndefined();
    expect(sniff(Buffer.from('<html><body>%PDF-</body></html>'))).toBeUndefined();
    expect(sniff(Buffer.alloc(0))).toBeUndefined();
  });

  it('finds the word/ entry wherever the stream is cut into chunks', () => {
    const docx = makeDocx(300);
    for (const size of [1, 2, 3, 7, 13, 31, 34, 35, 36, 64, 333, docx.length]) {
      expect(sniffInChunks(docx, size), `chunk size ${size}`).toBe('docx');
    }
    const xlsx = makeXlsx();
    for (const size of [1, 5, 35, 100]) expect(sniffInChunks(xlsx, size)).toBeUndefined();
    const pdf = makePdf('x');
    expect(sniffInChunks(pdf, 1)).toBe('pdf');
    expect(sniffInChunks(makePng(), 3)).toBe('png');
  });
});

describe('archive helpers', () => {
  it('keeps Vietnamese file names in Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('inline', 'Quy chế "phối hợp".pdf')).toBe(
      `inline; filename="Quy che _phoi hop_.pdf"; filename*=UTF-8''Quy%20ch%E1%BA%BF%20%22ph%E1%BB%91i%20h%E1%BB%A3p%22.pdf`,
    );
    expect(contentDisposition('attachment', 'Đề án.pdf')).toMatch(/^attachment; filename="De an.pdf"; /);
  });

  it('puts stored objects under the tenant prefix and uploads in the incoming area', () => {
    expect(s3Keys.object({ provinceCode: '01', localityCode: '003' }, 'D', 2, 'U')).toBe('01/003/D/0002-U');
    expect(s3Keys.object({ provinceCode: '19', localityCode: null }, 'D', 1, 'U')).toBe('19/P/D/0001-U');
    expect(s3Keys.incoming({ provinceCode: '01', localityCode: '003' }, 'U')).toBe('incoming/01/003/U');
  });

  it('keeps every archive partition key (table and indexes) inside the tenant’s LeadingKeys pattern', () => {
    const t = { provinceCode: '19', localityCode: '164' };
    const pattern = leadingKeyPattern(t).replace('*', '');
    const partitionKeys = [
      keys.document(t, 'D').PK,
      keys.documentList(t).GSI1PK,
      keys.documentVersion(t, 'D', 1).PK,
      keys.documentHash(t, 'a'.repeat(64)).GSI2PK,
      keys.documentTypeList(t, 'QĐ').GSI2PK,
      keys.documentDeletedList(t).GSI1PK,
      keys.documentUpload(t, 'U').PK,
      keys.documentLinkMirror(t, { kind: 'agreement', id: 'A' }, 'D').PK,
      keys.documentLinkMirror(t, { kind: 'plan', id: 'P' }, 'D').PK,
      keys.documentLinkMirror(t, { kind: 'review', id: 'A', period: '2024' }, 'D').PK,
    ];
    for (const pk of partitionKeys) expect(pk.startsWith(pattern), pk).toBe(true);
    expect(keys.documentVersion(t, 'D', 12).SK).toBe('V#0012');
    // Mirrors share the linked record's partition, under one SK prefix its owner can skip or query.
    expect(keys.documentLinkMirror(t, { kind: 'agreement', id: 'A' }, 'D')).toEqual({ PK: '19#164#AGR#A', SK: 'DOCLINK#D' });
    expect(keys.documentLinkMirror(t, { kind: 'review', id: 'A', period: '2024-H1' }, 'D')).toEqual({ PK: '19#164#AGR#A', SK: 'DOCLINK#D#REVIEW#2024-H1' });
    expect(keys.documentLinkMirror(t, { kind: 'plan', id: 'P' }, 'D')).toEqual({ PK: '19#164#SUP#P', SK: 'DOCLINK#D' });
  });

  it('normalises hashes and rejects duplicate links', () => {
    expect(sha256Schema.parse('A'.repeat(64))).toBe('a'.repeat(64));
    expect(sha256Schema.safeParse('xyz').success).toBe(false);
    const link = { kind: 'agreement', id: '01KAB0000000000000000000AA' };
    const r = documentMetadataSchema.safeParse({
      type: 'QC',
      numberSymbol: '69/QCPH-HĐND-UBND-MTTQ',
      issuingAgencies: ['HĐND'],
      signedOn: '2021-11-10',
      summary: 'Quy chế phối hợp',
      links: [link, link],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['links', 1]);
  });
});
