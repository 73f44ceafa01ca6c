import { Hono } from 'hono';
import { roleMatrix } from '../../shared/roles.js';
import type { AppEnv } from '../http/env.js';

/** The signed-in user's identity and permissions, as the token proves them. */
export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const identity = c.var.identity;
  return c.json({ identity, permissions: roleMatrix[identity.role] });
});
