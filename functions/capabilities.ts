import type { RoutesLoader } from './http/lazy-routes.js';

/**
 * Every capability's routes under `/api`, each imported on the first request that reaches it
 * (functions/http/lazy-routes.ts). The one list of what the API serves: `capability-routes.ts`
 * holds the same routes imported at once, for readers of the whole route table.
 */
export const capabilityLoaders = {
  '/localities': () => import('./localities/routes.js').then((m) => m.localityRoutes),
  '/me': () => import('./me/routes.js').then((m) => m.meRoutes),
  '/agreements': () => import('./agreements/routes.js').then((m) => m.agreementRoutes),
  '/archive': () => import('./archive/routes.js').then((m) => m.archiveRoutes),
  '/rollups': () => import('./rollups/routes.js').then((m) => m.rollupRoutes),
  '/tenancy': () => import('./tenancy/routes.js').then((m) => m.tenancyRoutes),
  '/audit': () => import('./audit/routes.js').then((m) => m.auditRoutes),
  '/supervision': () => import('./supervision/routes.js').then((m) => m.supervisionRoutes),
  '/usage': () => import('./usage/routes.js').then((m) => m.usageRoutes),
  '/imports': () => import('./imports/routes.js').then((m) => m.importRoutes),
  '/notifications': () => import('./reminders/routes.js').then((m) => m.notificationRoutes),
} satisfies Record<string, RoutesLoader>;

export type CapabilityPath = keyof typeof capabilityLoaders;
