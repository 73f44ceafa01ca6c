/**
 * `npm start`: runs the whole product locally (see README). Flags:
 *   --reset      delete the local data folder first (fresh DynamoDB + identity provider + demo)
 *   --port N     HTTP port (default 3000, or $PORT)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD, demoUsers } from '../functions/demo/data.js';
import { startLocalStack } from '../functions/local/server.js';
import { describeTenant } from '../functions/tenancy/describe.js';
import { roleLabels } from '../shared/roles.js';
import { vietnamDayStart, vietnamToday } from '../shared/dates.js';

// The SDK warns that Node 20 support ends in 2027; Lambda runs Node 22, and the notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: { reset: { type: 'boolean', default: false }, port: { type: 'string' } },
});
const root = join(import.meta.dirname, '..');
const dataDir = join(root, '.data');
if (values.reset) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log('Đã xoá dữ liệu cục bộ / local data reset (.data/)');
}

const port = Number(values.port ?? process.env.PORT ?? 3000);
let stack: Awaited<ReturnType<typeof startLocalStack>>;
try {
  stack = await startLocalStack({ dataDir, port, webDist: join(root, 'web', 'dist'), log: (l) => console.log(l) });
} catch (err) {
  const msg = (err as Error).message;
  console.error(`\nKhông khởi động được / could not start:\n${msg}`);
  if (/EADDRINUSE/.test(msg)) console.error(`Cổng ${port} đang bận / port busy: npm start -- --port 3001`);
  process.exit(1);
}

console.log(`\nPhối Hợp đang chạy / is running: ${stack.url}\n`);
console.log(`Tài khoản mẫu / demo sign-ins (mật khẩu / password: ${DEMO_PASSWORD}):`);
for (const u of demoUsers) {
  const where = u.provinceCode
    ? `${u.localityCode ? `${u.provinceCode}/${u.localityCode}` : u.provinceCode} ${describeTenant({ provinceCode: u.provinceCode, localityCode: u.localityCode }).name}`
    : 'nền tảng';
  console.log(`  ${u.email.padEnd(36)} ${roleLabels[u.role].vi} / ${roleLabels[u.role].en} (${where})`);
}
// The daily reminder job: once now (so the demo's due items show in the bell), then at 07:00 Vietnam time.
const remind = async () => {
  try {
    const { report, digests } = await stack.runReminders();
    console.log(`Nhắc việc / reminders: ${report.created} thông báo mới / new, ${digests.sent} thư / digests → ${stack.sesEndpoint}`);
  } catch (err) {
    console.error(`Nhắc việc lỗi / reminders failed: ${(err as Error).message}`);
  }
};
const next7am = () => {
  const now = Date.now();
  let at = vietnamDayStart(vietnamToday(new Date(now))).getTime() + 7 * 3_600_000;
  if (at <= now) at += 86_400_000;
  return at - now;
};
const daily = () => setTimeout(() => void remind().then(daily), next7am()).unref();
void remind().then(daily);
// The outbox (mails of events and sign-up decisions not sent right after their commit), as on AWS every 5 minutes.
setInterval(() => void stack.sendOutbox().catch((err) => console.error(`Gửi thư lỗi / outbox failed: ${(err as Error).message}`)), 5 * 60_000).unref();
console.log(`Thư gửi đi (giả lập SES) / sent mail (SES emulator): ${stack.sesEndpoint}`);
console.log('\nCtrl-C để dừng / to stop.');

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: đang dừng / stopping…`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGHUP', () => void shutdown('SIGHUP'));
