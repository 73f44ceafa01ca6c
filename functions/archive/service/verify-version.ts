import type { VerifyResult } from '../../../shared/archive/schema.js';
import { SIGNATURE_VERIFIER_VERSION, type SignatureCheck } from '../../../shared/archive/signatures.js';
import { keys, tenantPrefix } from '../../../shared/keys.js';
import { auditPut } from '../../audit/record.js';
import { auditSignature, type Item, isSigned, signatureFacts } from '../records.js';
import type { TransactItem } from '../../store/metered-store.js';
import { withConflict } from '../../store/versioning.js';
import { verifyStored } from '../storage.js';
import type { ArchiveContext } from './context.js';

/**
 * Re-checks one stored version on demand: reads exactly the pinned S3 version (or, without one, the
 * key), compares its SHA-256 with the one recorded at upload and, for a PDF whose bytes are still
 * those, verifies its signatures again (trust anchors may have changed since). A replaced or
 * tampered object is reported as such — its content is never verified in the original's place.
 * `persist` (an editor of the tenant) stores the new check on the version, with its audit record,
 * in one transaction.
 */
export async function verifyVersion(ctx: ArchiveContext, documentId: string, version: Item, persist: boolean): Promise<VerifyResult> {
  const versionNo = version.versionNo as number;
  const isPdf = version.kind === 'pdf';
  const check = await verifyStored(
    ctx.archive,
    { key: version.s3Key as string, versionId: version.s3VersionId as string | undefined, keepBytes: isPdf },
    version.sha256 as string,
    { tenant: tenantPrefix(ctx.tenant), documentId, versionNo },
  );
  const signature = isPdf ? await signatureOf(ctx, check) : undefined;
  if (signature && persist) {
    const previous = version.signature as SignatureCheck | undefined;
    await withConflict(() =>
      ctx.store.transactWrite([
        {
          Update: {
            Key: keys.documentVersion(ctx.tenant, documentId, versionNo),
            UpdateExpression: 'SET signature = :signature',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':signature': signature },
          },
        },
        // The current version's verdict is also the document's (list badge, "có chữ ký số" filter).
        ...(version.current === true ? [currentSignatureUpdate(ctx, documentId, versionNo, signature)] : []),
        auditPut({
          tenant: ctx.tenant,
          actor: ctx.actor,
          entity: 'document',
          entityId: documentId,
          action: 'verify-signature',
          before: previous ? { versionNo, signature: auditSignature(previous) } : { versionNo },
          after: { versionNo, signature: auditSignature(signature), sha256Matches: check.ok },
          at: ctx.now,
        }),
      ]),
    );
  }
  return {
    documentId,
    versionNo,
    ok: check.ok,
    expected: version.sha256 as string,
    actual: check.actual,
    size: check.size,
    checkedAt: ctx.now.toISOString(),
    ...(signature ? { signature } : {}),
  };
}

/** The document's summary of its current file follows a re-check; a newer version meanwhile → 409. */
function currentSignatureUpdate(ctx: ArchiveContext, documentId: string, versionNo: number, signature: SignatureCheck): TransactItem {
  const facts = signatureFacts(signature);
  return {
    Update: {
      Key: keys.document(ctx.tenant, documentId),
      UpdateExpression: `SET #current.signatureStatus = :status, signed = :signed${facts.signedBy ? ', #current.signedBy = :by' : ' REMOVE #current.signedBy'}`,
      ConditionExpression: 'attribute_exists(PK) AND latestVersionNo = :n',
      ExpressionAttributeNames: { '#current': 'current' },
      ExpressionAttributeValues: {
        ':status': signature.status,
        ':signed': isSigned(facts),
        ':n': versionNo,
        ...(facts.signedBy ? { ':by': facts.signedBy } : {}),
      },
    },
  };
}

async function signatureOf(ctx: ArchiveContext, check: Awaited<ReturnType<typeof verifyStored>>): Promise<SignatureCheck> {
  if (!check.ok || !check.bytes) {
    return {
      status: 'unverifiable',
      problem: 'stored-object-changed',
      signatures: [],
      appendedBytes: 0,
      modifiedAfterSigning: false,
      trustAnchors: 0,
      checkedAt: ctx.now.toISOString(),
      verifier: SIGNATURE_VERIFIER_VERSION,
    };
  }
  const { verifyPdfSignatures } = await import('../signatures/verify.js');
  return verifyPdfSignatures(check.bytes, { trustAnchorsPem: ctx.trustAnchorsPem, now: ctx.now });
}
