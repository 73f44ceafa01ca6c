import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/store/client.js';
import { createTenantAccess } from '../../functions/store/scoped-credentials.js';
import { uploadTicketSchema } from '../../shared/archive/schema.js';
import { problemSchema } from '../../shared/problem-schema.js';
import { agreementsClient, programBody, type Headers } from '../support/agreements.js';
import { makePdf, sha256 } from '../support/archive-files.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Storage faults injected between the app and DynamoDB Local / the S3 server (a proxy that answers
 * with AWS errors or stops listening) and in STS: every one is a problem with the right status and
 * Retry-After, after the SDK's configured retries, and nothing is half-written.
 */

let dynamo: Awaited<ReturnType<typeof startFaultProxy>>;
let s3: Awaited<ReturnType<typeof startFaultProxy>>;
let h: Harness;
let api: ReturnType<typeof agreementsClient>;
let editor: Headers;
const TAY_HO = { provinceCode: '01', localityCode: '00103' };

beforeAll(async () => {
  dynamo = await startFaultProxy(inject('dynamoEndpoint'));
  s3 = await startFaultProxy(inject('s3Endpoint'));
  h = await createHarness({ dynamoEndpoint: dynamo.endpoint, s3Endpoint: s3.endpoint });
  api = agreementsClient(h);
  editor = (await h.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
});
afterAll(async () => {
  h.close();
  await dynamo.close();
  await s3.close();
});

async function expectProblem(res: Response, status: number, type: string, retryAfter?: string) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(problemSchema.parse(await res.json()).type).toBe(`urn:phoi-hop:problem:${type}`);
  expect(res.headers.get('retry-after') ?? undefined).toBe(retryAfter);
}

const count = (op: string) => dynamo.seen.filter((o) => o === op).length;
const agreementCount = async () => (await api.list(editor)).body!.items.length;

describe('DynamoDB throttling', () => {
  it('retries a throttled read three times in all, then answers 429 with Retry-After', async () => {
    const before = count('Query');
    dynamo.setFault((op) => (op === 'Query' ? { status: 400, type: 'ThrottlingException' } : undefined));
    await expectProblem(await api.call('GET', '', editor), 429, 'throttled', '2');
    dynamo.setFault(undefined);
    expect(count('Query') - before).toBe(3);
  });

  it('answers a create refused for provisioned throughput with 429, and writes nothing', async () => {
    const existing = await agreementCount();
    dynamo.setFault((op) => (op === 'TransactWriteItems' ? { status: 400, type: 'ProvisionedThroughputExceededException' } : undefined));
    await expectProblem(await api.call('POST', '', editor, programBody()), 429, 'throttled', '2');
    dynamo.setFault(undefined);
    expect(await agreementCount()).toBe(existing);
  });

  it('answers a transaction cancelled for throttling with 429 (not a 409), and writes nothing', async () => {
    const existing = await agreementCount();
    const before = count('TransactWriteItems');
    dynamo.setFault((op) =>
      op === 'TransactWriteItems'
        ? {
            status: 400,
            type: 'TransactionCanceledException',
            body: { CancellationReasons: [{ Code: 'None' }, { Code: 'ThrottlingError', Message: 'Throughput exceeds the capacity' }] },
          }
        : undefined,
    );
    await expectProblem(await api.call('POST', '', editor, programBody()), 429, 'throttled', '2');
    dynamo.setFault(undefined);
    expect(count('TransactWriteItems') - before).toBe(1); // a cancelled transaction is not retried by the SDK
    expect(await agreementCount()).toBe(existing);
  });
});

describe('DynamoDB validation', () => {
  it('answers a size refusal with 413 and another validation error with 400', async () => {
    dynamo.setFault((op) =>
      op === 'TransactWriteItems'
        ? { status: 400, type: 'ValidationException', body: { message: 'Item size has exceeded the maximum allowed size' } }
        : undefined,
    );
    await expectProblem(await api.call('POST', '', editor, programBody()), 413, 'too-large');
    dynamo.setFault((op) =>
      op === 'TransactWriteItems' ? { status: 400, type: 'ValidationException', body: { message: 'Invalid UpdateExpression' } } : undefined,
    );
    await expectProblem(await api.call('POST', '', editor, programBody()), 400, 'validation');
    dynamo.setFault(undefined);
  });
});

describe('DynamoDB down', () => {
  it('answers 503 with Retry-After while nothing listens, and works again with the data as it was', async () => {
    const created = await api.create(editor);
    const existing = await agreementCount();
    await dynamo.down();
    try {
      await expectProblem(await api.call('GET', '', editor), 503, 'storage-unavailable', '5');
      await expectProblem(await api.call('POST', '', editor, programBody()), 503, 'storage-unavailable', '5');
      await expectProblem(
        await api.call('PUT', `/${created.id}`, editor, { ...programBody({ title: 'Đổi tên khi mất kết nối' }), version: created.version }),
        503,
        'storage-unavailable',
        '5',
      );
    } finally {
      await dynamo.up();
    }
    expect(await agreementCount()).toBe(existing);
    expect((await api.detail(editor, created.id)).body.agreement).toMatchObject({ version: created.version, title: created.title });
  });
});

describe('S3 down', () => {
  it('answers an upload completion 503 while S3 is down; the upload stays pending and completes once S3 is back', async () => {
    const pdf = makePdf('Quy chế phối hợp — thử lỗi S3');
    const declared = await h.app.request('/api/archive/uploads', {
      method: 'POST',
      headers: { ...editor, 'content-type': 'application/json' },
      body: JSON.stringify({
        file: { name: 'quy-che.pdf', size: pdf.length, contentType: 'application/pdf', sha256: sha256(pdf) },
        document: { type: 'QC', numberSymbol: '01/QCPH', issuingAgencies: ['UBND phường Tây Hồ'], signedOn: '2024-02-28', summary: 'Quy chế phối hợp' },
      }),
    });
    expect(declared.status, await declared.clone().text()).toBe(201);
    const ticket = uploadTicketSchema.parse(await declared.json());
    expect((await fetch(ticket.put.url, { method: 'PUT', headers: ticket.put.headers, body: new Uint8Array(pdf) })).status).toBe(200);
    const complete = () => h.app.request(`/api/archive/uploads/${ticket.uploadId}/complete`, { method: 'POST', headers: editor });
    await s3.down();
    try {
      await expectProblem(await complete(), 503, 'storage-unavailable', '5');
    } finally {
      await s3.up();
    }
    const list = async () => ((await (await h.app.request('/api/archive/documents', { headers: editor })).json()) as { items: unknown[] }).items.length;
    expect(await list()).toBe(0);
    expect((await complete()).status).toBe(201);
    expect(await list()).toBe(1);
  });
});

describe('STS down', () => {
  it('answers 503 with Retry-After when tenant credentials cannot be obtained, and serves again once STS answers', async () => {
    let stsUp = false;
    const endpoint = inject('dynamoEndpoint');
    const access = createTenantAccess({
      roleArn: 'arn:aws:iam::111122223333:role/tenant-data',
      sts: {
        send: async () => {
          if (!stsUp) throw Object.assign(new Error('connect ECONNREFUSED sts.ap-southeast-1.amazonaws.com'), { code: 'ECONNREFUSED' });
          return { Credentials: { AccessKeyId: 'A', SecretAccessKey: 'S', SessionToken: 'T', Expiration: new Date(Date.now() + 3600_000) } };
        },
      },
      createDoc: () => createDocumentClient({ tableName: '', endpoint, region: 'local' }),
    });
    const sts = await createHarness({ tenantAccess: access });
    try {
      const t = (await sts.userToken({ role: 'locality_editor', ...TAY_HO })).headers;
      await expectProblem(await sts.app.request('/api/agreements', { headers: t }), 503, 'storage-unavailable', '5');
      stsUp = true;
      expect((await sts.app.request('/api/agreements', { headers: t })).status).toBe(200);
    } finally {
      sts.close();
    }
  });
});
