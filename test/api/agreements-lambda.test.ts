import type { Context } from 'aws-lambda';
import { apiGatewayGet, startStackForLambda } from '../support/lambda-event.js';
import { stackSuite } from '../support/local-stack.js';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../functions/demo/agreements.js';

/** The .docx export through the Lambda entry: API Gateway needs binary bodies base64-encoded. */
const suite = stackSuite(() => startStackForLambda('lambda-agreements'));

describe('agreements through the Lambda handler', () => {
  it('returns the seeded Tây Hồ 2024 program as a base64-encoded .docx with one DynamoDB request', async () => {
    const user = suite.stack.idp.findUser('admin.tayho@demo.phoihop.vn')!;
    const token = await suite.stack.idp.issueIdToken(user);
    const { handler } = await import('../../functions/lambda.js');
    const id = seedId('tayho-ctr-2024', '2024-02-28');
    const res = (await handler(apiGatewayGet(`/api/agreements/${id}/export.docx`, { authorization: `Bearer ${token}` }), {} as Context)) as {
      statusCode: number;
      body: string;
      isBase64Encoded: boolean;
      headers: Record<string, string>;
    };
    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers['x-ddb-requests']).toBe('1');
    const zip = await JSZip.loadAsync(Buffer.from(res.body, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Tây Hồ, ngày 28 tháng 02 năm 2024');
    expect(xml).toContain('Phối hợp tổ chức phản biện xã hội');
  });
});
