import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentMetadataSchema, type DocumentMetadataInput } from '../../shared/archive/schema.js';
import { keys, s3Keys, type TenantRef } from '../../shared/keys.js';
import { documentItem, numberRegisterItem, signatureFacts, versionItem } from '../archive/records.js';
import { verifyPdfSignatures } from '../archive/signatures/verify.js';
import type { ArchiveStorage } from '../archive/storage.js';
import { makePdf } from './pdf.js';

export { makePdf } from './pdf.js';

const SEED_NOTE = 'dữ liệu mẫu';
const seedId = (n: number) => `01SEEDARCH1VE${String(n).padStart(13, '0')}`;

/** The seed articles' signed documents (../shared/seeds); numbers/symbols are illustrative. */
export const demoArchive: { tenant: TenantRef; id: string; pdfLine: string; metadata: DocumentMetadataInput }[] = [
  {
    tenant: { provinceCode: '01', localityCode: '021' },
    id: seedId(1),
    pdfLine: 'QUY CHE PHOI HOP CONG TAC NHIEM KY 2021-2026 - BAC TU LIEM',
    metadata: {
      type: 'QC',
      numberSymbol: '01/QCPH-HĐND-UBND-MTTQ',
      issuingAgencies: ['HĐND quận Bắc Từ Liêm', 'UBND quận Bắc Từ Liêm', 'Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm'],
      signedOn: '2021-11-10',
      summary: 'Quy chế phối hợp công tác nhiệm kỳ 2021–2026 giữa HĐND, UBND và Ủy ban MTTQ Việt Nam quận Bắc Từ Liêm, ký kết tại Hội nghị ngày 10/11/2021',
      tags: ['nhiệm kỳ 2021–2026', 'ký kết', SEED_NOTE],
    },
  },
  {
    tenant: { provinceCode: '01', localityCode: '003' },
    id: seedId(2),
    pdfLine: 'CHUONG TRINH PHOI HOP CONG TAC NAM 2024 - TAY HO',
    metadata: {
      type: 'CTr',
      numberSymbol: '02/CTrPH-HĐND-UBND-MTTQ',
      issuingAgencies: ['Thường trực HĐND quận Tây Hồ', 'UBND quận Tây Hồ', 'Ban Thường trực Ủy ban MTTQ Việt Nam quận Tây Hồ'],
      signedOn: '2024-02-28',
      summary: 'Chương trình phối hợp công tác năm 2024 với 06 nội dung, ký kết tại hội nghị tổng kết công tác phối hợp năm 2023',
      tags: ['chương trình 2024', SEED_NOTE],
    },
  },
  ...[
    { n: 3, with: 'HĐND tỉnh', a: 'Thường trực HĐND tỉnh Thái Nguyên', arts: 12, line: 'HDND - MTTQ' },
    { n: 4, with: 'UBND tỉnh', a: 'UBND tỉnh Thái Nguyên', arts: 13, line: 'UBND - MTTQ' },
    { n: 5, with: 'Đoàn đại biểu Quốc hội tỉnh', a: 'Đoàn đại biểu Quốc hội tỉnh Thái Nguyên', arts: 11, line: 'DOAN DBQH - MTTQ' },
  ].map((r) => ({
    tenant: { provinceCode: '19', localityCode: null },
    id: seedId(r.n),
    pdfLine: `QUY CHE PHOI HOP 2021-2026 ${r.line} - THAI NGUYEN`,
    metadata: {
      type: 'QC' as const,
      numberSymbol: `0${r.n - 2}/QCPH-TN`,
      issuingAgencies: [r.a, 'Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên'],
      signedOn: '2021-10-14',
      summary: `Quy chế phối hợp công tác giữa ${r.with} và Ủy ban MTTQ tỉnh Thái Nguyên giai đoạn 2021–2026 (3 chương, ${r.arts} điều)`,
      tags: ['giai đoạn 2021–2026', SEED_NOTE],
    },
  })),
];

/**
 * Puts the demo documents in the archive (object in S3, document and version in the table).
 * Idempotent: a document already there is left as it is.
 */
export async function seedArchiveDemo(opts: { doc: DynamoDBDocumentClient; tableName: string; archive: ArchiveStorage; now?: Date }) {
  const at = (opts.now ?? new Date()).toISOString();
  const by = { userId: 'seed', email: 'seed@demo.phoihop.vn', name: 'Dữ liệu mẫu' };
  let created = 0;
  for (const d of demoArchive) {
    const docKey = keys.document(d.tenant, d.id);
    const existing = await opts.doc.send(new GetCommand({ TableName: opts.tableName, Key: docKey }));
    if (existing.Item) continue;
    const pdf = makePdf(d.pdfLine);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const uploadId = d.id.replace('SEED', 'SEEF');
    const s3Key = s3Keys.object(d.tenant, d.id, 1, uploadId);
    await (await opts.archive.client()).send(
      new PutObjectCommand({ Bucket: opts.archive.bucket, Key: s3Key, Body: pdf, ContentType: 'application/pdf', Metadata: { sha256 } }),
    );
    const metadata = documentMetadataSchema.parse(d.metadata);
    const fileName = `${d.metadata.numberSymbol.replace(/[^\p{L}\p{N}-]+/gu, '-')}.pdf`;
    const signature = verifyPdfSignatures(pdf, { now: opts.now ?? new Date() });
    const current = { fileName, size: pdf.length, contentType: 'application/pdf', kind: 'pdf' as const, sha256, ...signatureFacts(signature) };
    const item = documentItem({ t: d.tenant, id: d.id, metadata, current, latestVersionNo: 1, createdAt: at, createdBy: by });
    const version = versionItem({
      t: d.tenant,
      documentId: d.id,
      versionNo: 1,
      s3Key,
      fileName,
      size: pdf.length,
      kind: 'pdf',
      contentType: 'application/pdf',
      sha256,
      uploadedAt: at,
      uploadedBy: by,
      uploadId,
      signature,
    });
    try {
      await opts.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: opts.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: opts.tableName, Item: version, ConditionExpression: 'attribute_not_exists(PK)' } },
            { Put: { TableName: opts.tableName, Item: numberRegisterItem(d.tenant, d.id, metadata, false) } },
          ],
        }),
      );
      created += 1;
    } catch (err) {
      if ((err as Error).name !== 'TransactionCanceledException') throw err;
    }
  }
  return { created };
}
