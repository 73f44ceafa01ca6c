import type { LocalStack } from '../../functions/local/server.js';
import { programBody } from './agreements.js';

/** A program signed through the API of a running stack, as `email` (a browser test's starting point). */
export async function signedProgram(stack: LocalStack, email: string, opts: { year: number; number: string; title: string }): Promise<string> {
  const token = await stack.idp.issueIdToken(stack.idp.findUser(email)!);
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${stack.url}/api/agreements${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { agreement: { id: string; version: number } }).agreement;
  };
  const created = await call('', programBody({ year: opts.year, number: opts.number, title: opts.title }));
  await call(`/${created.id}/sign`, {
    version: created.version,
    signedOn: `${opts.year}-01-15`,
    place: 'Hội trường UBND phường',
    signatories: [{ agency: 'HDND', onBehalf: 'TM. Thường trực HĐND', title: 'Chủ tịch', name: 'Nguyễn Văn An' }],
  });
  return created.id;
}
