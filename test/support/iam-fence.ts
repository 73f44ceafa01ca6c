import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createS3Client } from '../../functions/archive/s3-client.js';
import { createDocumentClient } from '../../functions/store/client.js';
import type { TenantAccess } from '../../functions/store/scoped-credentials.js';
import type { Identity } from '../../shared/identity.js';
import { sessionTagsFor, type SessionTags } from '../../shared/tenant-access.js';
import { tenantPolicyStatements } from '../../infra/tenant-policy.js';
import { isAllowed, type PolicyStatement } from './iam-policy.js';

/**
 * The tenant-data role's policy (infra/tenant-policy.ts, the statements infra attaches to the role),
 * enforced in front of DynamoDB Local: what AWS would refuse with AccessDenied fails here the same way.
 */
export const FENCE_TABLE_ARN = 'arn:aws:dynamodb:ap-southeast-1:111122223333:table/fenced';
export const FENCE_BUCKET_ARN = 'arn:aws:s3:::fenced-archive';

export function fenceStatements(): PolicyStatement[] {
  return tenantPolicyStatements(FENCE_TABLE_ARN, (pattern) => `${FENCE_BUCKET_ARN}/${pattern}`);
}

type Av = { S?: string } | string | undefined;
const str = (v: Av): string | undefined => (typeof v === 'string' ? v : v?.S);
const pkOf = (key: Record<string, Av> | undefined) => [str(key?.PK)].filter((k): k is string => !!k);

/** One item's operation (a single-item command, or one element of a transaction): its IAM action and the field holding its key. */
const ITEM_OPS: Record<string, { action: string; key: 'Key' | 'Item' }> = {
  Get: { action: 'dynamodb:GetItem', key: 'Key' },
  Put: { action: 'dynamodb:PutItem', key: 'Item' },
  Update: { action: 'dynamodb:UpdateItem', key: 'Key' },
  Delete: { action: 'dynamodb:DeleteItem', key: 'Key' },
  ConditionCheck: { action: 'dynamodb:ConditionCheckItem', key: 'Key' },
};

function itemRequest(op: string, body: Record<string, any>) {
  const { action, key } = ITEM_OPS[op]!;
  return { action, resource: FENCE_TABLE_ARN, leadingKeys: pkOf(body[key]) };
}

/** The IAM requests one DynamoDB command makes: action, resource (table or index) and partition key. */
export function iamRequestsOf(command: string, input: Record<string, any>): { action: string; resource: string; leadingKeys: string[] }[] {
  const table = FENCE_TABLE_ARN;
  switch (command) {
    // The low-level client's names and the document client's alike: GetItemCommand and GetCommand are a Get.
    case 'GetItemCommand':
    case 'GetCommand':
    case 'PutItemCommand':
    case 'PutCommand':
    case 'UpdateItemCommand':
    case 'UpdateCommand':
    case 'DeleteItemCommand':
    case 'DeleteCommand':
      return [itemRequest(command.replace(/(Item)?Command$/, ''), input)];
    case 'QueryCommand': {
      const names: Record<string, string> = input.ExpressionAttributeNames ?? {};
      const values: Record<string, Av> = input.ExpressionAttributeValues ?? {};
      const keys: string[] = [];
      for (const cond of String(input.KeyConditionExpression).split(/\s+AND\s+/i)) {
        const m = /^\s*\(?\s*([#\w]+)\s*=\s*(:\w+)\s*\)?\s*$/.exec(cond);
        if (!m) continue;
        const attr = names[m[1]!] ?? m[1]!;
        if (/PK$/.test(attr)) keys.push(str(values[m[2]!])!);
      }
      const resource = input.IndexName ? `${table}/index/${input.IndexName}` : table;
      return [{ action: 'dynamodb:Query', resource, leadingKeys: keys }];
    }
    case 'TransactWriteItemsCommand':
    case 'TransactWriteCommand':
      return (input.TransactItems as Record<string, any>[]).map((it) => {
        const [op, body] = Object.entries(it)[0]!;
        return itemRequest(op, body);
      });
    case 'TransactGetItemsCommand':
    case 'TransactGetCommand':
      return (input.TransactItems as { Get: { Key: Record<string, Av> } }[]).map((it) => itemRequest('Get', it.Get));
    default:
      return [{ action: `dynamodb:${command.replace(/Command$/, '')}`, resource: table, leadingKeys: [] }];
  }
}

/** The IAM request one S3 command makes (presigned URLs included: the presigner runs the same middleware). */
export function s3RequestsOf(command: string, input: Record<string, any>): { action: string; resource: string }[] {
  const object = (key: string) => `${FENCE_BUCKET_ARN}/${key}`;
  switch (command) {
    case 'GetObjectCommand':
      return [{ action: input.VersionId ? 's3:GetObjectVersion' : 's3:GetObject', resource: object(input.Key) }];
    case 'HeadObjectCommand':
      return [{ action: 's3:GetObject', resource: object(input.Key) }];
    case 'PutObjectCommand':
      return [{ action: 's3:PutObject', resource: object(input.Key) }];
    case 'DeleteObjectCommand':
      return [{ action: 's3:DeleteObject', resource: object(input.Key) }];
    case 'CopyObjectCommand': {
      const source = String(input.CopySource)
        .replace(/^[^/]+\//, '')
        .replace(/\?versionId=.*$/, '');
      return [
        { action: 's3:GetObject', resource: object(source) },
        { action: 's3:PutObject', resource: object(input.Key) },
      ];
    }
    default:
      return [{ action: `s3:${command.replace(/Command$/, '')}`, resource: FENCE_BUCKET_ARN }];
  }
}

export type FenceViolation = { role: string; tags: SessionTags; action: string; resource: string; keys: string[] };

/**
 * TenantAccess for tests: every tenant session's client refuses, before DynamoDB Local sees it,
 * any call the tenant role's policy would refuse on AWS, and records it.
 */
export function fencedTenantAccess(opts: { endpoint: string; tableName: string; s3Endpoint?: string }) {
  const statements = fenceStatements();
  const violations: FenceViolation[] = [];
  const checked = { requests: 0, s3Requests: 0 };
  const s3Log: { action: string; resource: string }[] = [];
  const clients = new Map<string, DynamoDBDocumentClient>();
  const s3Clients = new Map<string, S3Client>();
  const access: TenantAccess = {
    async credentials() {
      return { accessKeyId: 'FENCED', secretAccessKey: 'fenced', sessionToken: 'fenced', expiration: new Date(Date.now() + 3600_000) };
    },
    doc: (identity: Identity) => docForTags(sessionTagsFor(identity), identity.role),
    docForTags: (tags: SessionTags) => docForTags(tags, 'target-session'),
    s3ForTags: async (tags: SessionTags) => s3ForTags(tags),
  };
  type Req = { action: string; resource: string; leadingKeys?: string[] };
  /** SDK middleware: each IAM request a command makes is counted, and refused (AccessDenied, recorded) when the policy would refuse it. */
  function guard(tags: SessionTags, role: string, requestsOf: (command: string, input: Record<string, any>) => Req[], count: (req: Req) => void) {
    const key = JSON.stringify(tags);
    return (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: any) => {
      for (const req of requestsOf(context.commandName as string, (args as { input: Record<string, any> }).input)) {
        count(req);
        if (!isAllowed(statements, tags, req)) {
          const keys = req.leadingKeys ?? [];
          violations.push({ role, tags, action: req.action, resource: req.resource, keys });
          const dynamo = req.action.startsWith('dynamodb:');
          const err = new Error(
            `${dynamo ? 'AccessDeniedException' : 'AccessDenied'}: ${req.action} on ${dynamo ? keys.join(',') : req.resource} (fenced as ${key})`,
          );
          err.name = dynamo ? 'AccessDeniedException' : 'AccessDenied';
          throw err;
        }
      }
      return next(args);
    };
  }

  /** An S3 client of the local server that refuses, like S3 on AWS, what the tenant role may not do. */
  function s3ForTags(tags: SessionTags): S3Client {
    if (!opts.s3Endpoint) throw new Error('fencedTenantAccess: no s3Endpoint');
    const key = JSON.stringify(tags);
    let s3 = s3Clients.get(key);
    if (!s3) {
      s3 = createS3Client({ endpoint: opts.s3Endpoint });
      s3.middlewareStack.add(
        guard(tags, 's3-session', s3RequestsOf, (req) => {
          checked.s3Requests += 1;
          s3Log.push(req);
        }),
        { step: 'initialize', name: 'iamFenceS3', priority: 'low' },
      );
      s3Clients.set(key, s3);
    }
    return s3;
  }
  async function docForTags(tags: SessionTags, role: string) {
    const key = JSON.stringify(tags);
    let doc = clients.get(key);
    if (!doc) {
      doc = createDocumentClient({ tableName: opts.tableName, endpoint: opts.endpoint, region: 'local' });
      doc.middlewareStack.add(
        guard(tags, role, iamRequestsOf, () => {
          checked.requests += 1;
        }),
        { step: 'initialize', name: 'iamFence', priority: 'low' },
      );
      clients.set(key, doc);
    }
    return doc;
  }
  return {
    access,
    violations,
    checked,
    s3Log,
    close: () => {
      for (const d of clients.values()) d.destroy();
      for (const s of s3Clients.values()) s.destroy();
    },
  };
}
