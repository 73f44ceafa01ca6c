import { createMiddleware } from 'hono/factory';
import { can, type Permission } from '../../shared/roles.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { markAuthenticating } from '../http/route-meta.js';
import { useTenantStore } from '../store/scoped-credentials.js';
import { guardHistoricalWrite } from './tenant-scope.js';
import { assertUserActive } from './user-status.js';

/** Requires a valid bearer ID token; puts the verified identity on the context. */
export const requireAuth = markAuthenticating(
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new ProblemError('unauthenticated', { vi: 'Thiếu mã xác thực (Bearer token)', en: 'Missing bearer token' });
    }
    try {
      c.set('identity', await c.var.deps.verifyToken(match[1]!));
    } catch {
      throw new ProblemError('unauthenticated', { vi: 'Mã xác thực không hợp lệ hoặc đã hết hạn', en: 'Invalid or expired token' });
    }
    await assertUserActive(c); // a disabled user's token is refused within 5 minutes
    await useTenantStore(c); // on AWS: the store signs with the tenant's IAM-fenced credentials
    await guardHistoricalWrite(c);
    await next();
  }),
);

/** Role-matrix check (shared/roles.ts). Use after requireAuth. */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!can(c.var.identity.role, permission)) {
      throw new ProblemError('forbidden', {
        vi: `Vai trò của bạn không có quyền "${permission}"`,
        en: `Your role lacks the "${permission}" permission`,
      });
    }
    await next();
  });
}
