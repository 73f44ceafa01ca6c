import { connect, type Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackSuite, startSuiteStack } from '../support/local-stack.js';

/**
 * A raw keep-alive client (one TCP socket, requests written by hand): after an error answered
 * before the body was read, the next request on the same connection must still get its answer —
 * either the socket stays usable, or the server said `Connection: close` so a client opens a new one.
 */
const suite = stackSuite(() =>
  startSuiteStack({ tableName: `conn-${randomUUID().slice(0, 8)}`, archiveBucket: `conn-${randomUUID().slice(0, 8)}`, seed: false }),
);

type Reply = { status: number; headers: Record<string, string> };

/** Sends raw requests one after another on one socket; returns the replies it could read. */
async function onOneSocket(requests: string[]): Promise<{ replies: Reply[]; closed: boolean }> {
  const { port, hostname } = new URL(suite.stack.url);
  const socket: Socket = connect(Number(port), hostname);
  let buffer = '';
  let closed = false;
  socket.on('data', (d) => (buffer += d.toString('latin1')));
  socket.on('close', () => (closed = true));
  socket.on('error', () => (closed = true));
  await new Promise((r) => socket.once('connect', r));
  const replies: Reply[] = [];
  for (const request of requests) {
    if (closed) break;
    socket.write(request);
    const reply = await readReply(
      () => buffer,
      () => closed,
    );
    if (!reply) break;
    buffer = buffer.slice(reply.length);
    replies.push(reply.reply);
    if (reply.reply.headers.connection === 'close') break;
  }
  socket.destroy();
  return { replies, closed };
}

async function readReply(buf: () => string, isClosed: () => boolean) {
  for (let i = 0; i < 200; i++) {
    const text = buf();
    const end = text.indexOf('\r\n\r\n');
    if (end >= 0) {
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (text.length >= end + 4 + length) return { reply: { status: Number(statusLine!.split(' ')[1]), headers }, length: end + 4 + length };
    }
    if (isClosed()) return null;
    await new Promise((r) => setTimeout(r, 10));
  }
  return null;
}

const health = 'GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n';
const post = (path: string, body: string, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

describe('local server connections after errors', () => {
  for (const [name, request, status] of [
    ['413 (body over 1 MB)', post('/api/tenancy/signups', `{"x":"${'a'.repeat(1_100_000)}"}`), 413],
    ['401 (no token, body unread)', post('/api/agreements', '{"kind":"program"}'), 401],
    ['400 (bad input)', post('/api/tenancy/signups', '{"provinceCode":"1"}'), 400],
    ['404 (unknown route with a body)', post('/api/khong-co', '{"a":1}'), 404],
  ] as const) {
    it(`${name}: the next request is answered or the server said Connection: close`, async () => {
      const { replies } = await onOneSocket([request, health]);
      expect(replies[0]?.status).toBe(status);
      if (replies[0]?.headers.connection === 'close') {
        // The client was told: a fresh connection works.
        expect((await onOneSocket([health])).replies[0]?.status).toBe(200);
      } else {
        expect(replies[1]?.status, `keep-alive after ${status}`).toBe(200);
      }
    });
  }
});
