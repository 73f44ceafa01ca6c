import type { Hono } from 'hono';
import { agreementRoutes } from './agreements/routes.js';
import { createApp } from './app.js';
import { archiveRoutes } from './archive/routes.js';
import { auditRoutes } from './audit/routes.js';
import type { CapabilityPath } from './capabilities.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { importRoutes } from './imports/routes.js';
import { localityRoutes } from './localities/routes.js';
import { meRoutes } from './me/routes.js';
import { notificationRoutes } from './reminders/routes.js';
import { rollupRoutes } from './rollups/routes.js';
import { supervisionRoutes } from './supervision/routes.js';
import { tenancyRoutes } from './tenancy/routes.js';
import { usageRoutes } from './usage/routes.js';

/**
 * The routes of `capabilities.ts`, imported at once: for what reads the whole route table (the
 * OpenAPI document, API Gateway's public routes in infra/routes.ts, the roles doc), never for
 * serving. The type keeps the two lists to the same paths.
 */
export const capabilityRoutes: Record<CapabilityPath, Hono<AppEnv>> = {
  '/localities': localityRoutes,
  '/me': meRoutes,
  '/agreements': agreementRoutes,
  '/archive': archiveRoutes,
  '/rollups': rollupRoutes,
  '/tenancy': tenancyRoutes,
  '/audit': auditRoutes,
  '/supervision': supervisionRoutes,
  '/usage': usageRoutes,
  '/imports': importRoutes,
  '/notifications': notificationRoutes,
};

/**
 * The app with every capability's routes in its own route table (`app.routes`): the served app
 * mounts them lazily, so its table lists only the mounts. Route registration never reads deps.
 */
export function appWithRouteTable(deps: AppDeps = {} as AppDeps) {
  return createApp(deps, capabilityRoutes);
}
