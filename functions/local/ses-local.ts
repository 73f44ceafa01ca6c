import type { AddressInfo } from 'node:net';

export type SesLocal = { endpoint: string; stop: () => Promise<void> };

/**
 * A local SES v2 emulator (npm `aws-ses-v2-local`) in this process: the mailer's SES v2 client talks
 * to it through `SES_ENDPOINT`, exactly as to SES. Its page (`/`) shows the sent mail, `/store` lists it.
 */
export async function startSesLocal(opts: { port?: number } = {}): Promise<SesLocal> {
  const { default: server } = await import('aws-ses-v2-local');
  const http = await server({ host: '127.0.0.1', port: opts.port ?? 0 });
  const { port } = http.address() as AddressInfo;
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (stopped) return resolve();
        stopped = true;
        http.closeAllConnections?.();
        http.close(() => resolve());
      }),
  };
}
