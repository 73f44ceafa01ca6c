import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * An HTTP proxy in front of DynamoDB Local or the S3 server that injects faults: `down` (nothing
 * listens: connection refused), or an AWS error answer chosen per request (`fault`). Counts the
 * requests it saw by operation (`X-Amz-Target` for DynamoDB, method for S3), so a test can tell how
 * often the SDK retried.
 */
export type FaultAnswer = { status: number; type: string; body?: Record<string, unknown> };
export type Fault = (operation: string) => FaultAnswer | undefined;

export async function startFaultProxy(target: string) {
  const upstream = new URL(target);
  const seen: string[] = [];
  let fault: Fault | undefined;
  const sockets = new Set<Socket>();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? req.method ?? '';
    seen.push(operation);
    const answer = fault?.(operation);
    if (answer) {
      req.resume();
      const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${answer.type}`, message: answer.type, ...answer.body });
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': answer.type });
      res.end(body);
      return;
    }
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  };

  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(handle);
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    /** Answers matching requests with an AWS error until cleared. */
    setFault: (f: Fault | undefined) => {
      fault = f;
    },
    /** Stops listening and drops open connections: the service is down. */
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    /** Listens again on the same port. */
    up: listen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
