import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { makeProblem } from '../shared/problem.js';
import { agreementRoutes } from './agreements/routes.js';
import { archiveRoutes } from './archive/routes.js';
import { requireAuth } from './auth/middleware.js';
import { auditRoutes } from './audit/routes.js';
import { tenancyRoutes } from './tenancy/routes.js';
import { healthRoutes } from './health/routes.js';
import { localityRoutes } from './localities/routes.js';
import { meRoutes } from './me/routes.js';
import { notificationRoutes } from './reminders/routes.js';
import { rollupRoutes } from './rollups/routes.js';
import { supervisionRoutes } from './supervision/routes.js';
import { usageRoutes } from './usage/routes.js';
import { importRoutes } from './imports/routes.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { metering } from './http/metering.js';
import { buildOpenApiDocument, renderReferenceHtml, type OpenApiDocument } from './http/openapi.js';
import { handleError, problemResponse } from './http/problem.js';

/** JSON bodies are small; files go straight to S3 through presigned URLs, never through the API. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * The API, built once. `functions/lambda.ts` mounts it behind API Gateway and
 * `functions/local/server.ts` mounts it in Node; nothing else differs.
 */
export function createApp(deps: AppDeps) {
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
  api.route('/localities', localityRoutes);
  api.get('/config', (c) => c.json({ auth: deps.authConfig, version: deps.version }));
  api.use('/me/*', requireAuth);
  api.use('/me', requireAuth);
  api.route('/me', meRoutes);
  api.route('/agreements', agreementRoutes);
  api.route('/archive', archiveRoutes);
  api.route('/rollups', rollupRoutes);
  api.route('/tenancy', tenancyRoutes);
  api.route('/audit', auditRoutes);
  api.route('/supervision', supervisionRoutes);
  api.route('/usage', usageRoutes);
  api.route('/imports', importRoutes);
  api.route('/notifications', notificationRoutes);

  // API reference, generated on first request from the composed app's own route table.
  let reference: OpenApiDocument | undefined;
  const openApi = () => (reference ??= buildOpenApiDocument(app, { version: deps.version }));
  api.get('/openapi.json', (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(openApi());
  });
  api.get('/docs', (c) => {
    c.header('cache-control', 'public, max-age=300');
    // No script, no outside asset: only inline styles (allowed by the web app's CSP as well).
    c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    return c.html(renderReferenceHtml(openApi()));
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
