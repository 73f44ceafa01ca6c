import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { makeProblem } from '../shared/problem.js';
import { requireAuth } from './auth/middleware.js';
import { capabilityLoaders, type CapabilityPath } from './capabilities.js';
import { healthRoutes } from './health/routes.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { metering } from './http/metering.js';
import type { OpenApiDocument } from './http/openapi.js';
import { lazyRoutes } from './http/lazy-routes.js';
import { handleError, problemResponse } from './http/problem.js';

/** JSON bodies are small; files go straight to S3 through presigned URLs, never through the API. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * The API, built once. `functions/lambda.ts` mounts it behind API Gateway and
 * `functions/local/server.ts` mounts it in Node; nothing else differs.
 */
export function createApp(deps: AppDeps, routes?: Record<CapabilityPath, Hono<AppEnv>>) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.notFound(routeNotFound);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', secureHeaders());
  app.use('*', metering);
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: (c) =>
        problemResponse(
          c,
          makeProblem('too-large', {
            detail: { vi: 'Nội dung yêu cầu vượt quá 1 MB', en: 'Request body exceeds 1 MB' },
            // The body as a whole (field ''): it is refused before it is read, so no field can be named.
            errors: [{ field: '', in: 'body', code: 'too_big', message_vi: 'Tối đa 1 MB', message_en: 'At most 1 MB' }],
            instance: c.req.path,
          }),
        ),
    }),
  );

  const api = new Hono<AppEnv>();
  api.route('/health', healthRoutes);
  api.get('/config', (c) => c.json({ auth: deps.authConfig, version: deps.version }));
  api.use('/me/*', requireAuth);
  api.use('/me', requireAuth);
  for (const [path, load] of Object.entries(capabilityLoaders) as [CapabilityPath, (typeof capabilityLoaders)[CapabilityPath]][]) {
    const loaded = routes?.[path];
    if (loaded) api.route(path, loaded);
    else api.all(`${path}/*`, lazyRoutes(load, routeNotFound));
  }

  // API reference, generated on first request from the route table of the app with every
  // capability's routes in it (this one's lazy capabilities are not in its own table).
  let reference: Promise<OpenApiDocument> | undefined;
  const openApi = () =>
    (reference ??= Promise.all([import('./capability-routes.js'), import('./http/openapi.js')]).then(([all, doc]) =>
      doc.buildOpenApiDocument(routes ? app : createApp(deps, all.capabilityRoutes), { version: deps.version }),
    ));
  api.get('/openapi.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await openApi());
  });
  api.get('/docs', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    // No script, no outside asset: only inline styles (allowed by the web app's CSP as well).
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    return c.html((await import('./http/openapi.js')).renderReferenceHtml(await openApi()));
  });

  // Any other /api path is a 404 problem, also when this app is mounted inside another Hono app.
  api.all('*', routeNotFound);
  app.route('/api', api);
  return app;
}

export type App = ReturnType<typeof createApp>;

export function routeNotFound(c: Context) {
  return problemResponse(
    c,
    makeProblem('not-found', {
      detail: { vi: `Không có đường dẫn ${c.req.method} ${c.req.path}`, en: `No route ${c.req.method} ${c.req.path}` },
      instance: c.req.path,
    }),
  );
}
