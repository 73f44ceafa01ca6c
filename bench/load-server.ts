/**
 * The server side of `npm run load` (bench/load.ts), in its own process so that the load generator
 * does not share the server's event loop: the same local stack `npm start` runs (DynamoDB Local in
 * memory, the S3 and SES emulators, the local identity provider, the Node server), without the demo
 * seed. It signs in the users the load needs (one editor per locality, the province's admin and
 * viewer) and prints one JSON line: the URLs, the table and the ID tokens. It stops on SIGTERM/SIGINT.
 *
 *   --localities 01:00070,01:00103,…   the tenants to make users for
 *   --dynamo-endpoint, --s3-endpoint, --ses-endpoint   use running emulators (the test run's) instead
 *   --table   the table (and bucket) name, unique per run when the emulators are shared
 */
import { parseArgs } from 'node:util';
import { startLocalStack } from '../functions/local/server.js';
import { stackBearer } from '../test/support/stack-users.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_REQUESTS = 'false';

const { values } = parseArgs({
  options: {
    localities: { type: 'string', default: '' },
    port: { type: 'string' },
    'dynamo-endpoint': { type: 'string' },
    's3-endpoint': { type: 'string' },
    'ses-endpoint': { type: 'string' },
    table: { type: 'string', default: 'load' },
  },
});
const localities = values.localities
  .split(',')
  .filter(Boolean)
  .map((s) => {
    const [provinceCode, localityCode] = s.split(':');
    return { provinceCode: provinceCode!, localityCode: localityCode! };
  });

const stack = await startLocalStack({
  dataDir: null,
  seed: false,
  tableName: values.table,
  archiveBucket: values.table,
  ...(values['dynamo-endpoint'] ? { dynamoEndpoint: values['dynamo-endpoint'] } : {}),
  ...(values['s3-endpoint'] ? { s3Endpoint: values['s3-endpoint'] } : {}),
  ...(values['ses-endpoint'] ? { sesEndpoint: values['ses-endpoint'] } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
});

type Role = 'locality_editor' | 'province_admin' | 'province_viewer';
const tokenFor = (role: Role, provinceCode: string, localityCode: string | null) => stackBearer(stack, 'load', role, provinceCode, localityCode);

const provinces = [...new Set(localities.map((l) => l.provinceCode))];
const out = {
  url: stack.url,
  dynamoEndpoint: stack.dynamoEndpoint,
  tableName: stack.tableName,
  pid: process.pid,
  editors: Object.fromEntries(
    await Promise.all(localities.map(async (l) => [`${l.provinceCode}:${l.localityCode}`, await tokenFor('locality_editor', l.provinceCode, l.localityCode)])),
  ) as Record<string, string>,
  provinceAdmins: Object.fromEntries(await Promise.all(provinces.map(async (p) => [p, await tokenFor('province_admin', p, null)]))) as Record<string, string>,
  provinceViewers: Object.fromEntries(await Promise.all(provinces.map(async (p) => [p, await tokenFor('province_viewer', p, null)]))) as Record<string, string>,
};
process.stdout.write(`${JSON.stringify(out)}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
// The parent's end is ours too: a load run that crashes leaves no server behind.
process.stdin.on('end', () => void stop());
process.stdin.resume();
