import type { LocalStack } from '../../functions/local/server.js';
import type { Role } from '../../shared/roles.js';

/**
 * A bearer value for a user of one role in one tenant, made in a running stack's local issuer
 * (the benchmark and the load server, which sign in no one through the page). `tag` names the
 * caller in the e-mail, so each keeps its own users; the same role and tenant give the same user.
 */
export async function stackBearer(stack: LocalStack, tag: string, role: Role, provinceCode: string, localityCode: string | null): Promise<string> {
  const user = await stack.idp.upsertUser({
    email: `${tag}.${role}.${provinceCode}.${localityCode ?? 'p'}@${tag}.vn`,
    role,
    provinceCode,
    localityCode,
    password: 'Test@12345',
  });
  return `Bearer ${await stack.idp.issueIdToken(user)}`;
}
