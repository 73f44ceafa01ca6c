import { Hono, type Context, type Handler, type NotFoundHandler } from 'hono';
import type { AppEnv } from './env.js';
import { handleError } from './problem.js';

/** A capability's routes, imported when first needed: `() => import('./x/routes.js').then((m) => m.xRoutes)`. */
export type RoutesLoader = () => Promise<Hono<AppEnv>>;

/** The outer request's context, found by the capability's own app through the very same Request object. */
const outerContextOf = new WeakMap<Request, Context<AppEnv>>();

/**
 * A handler for `<path>/*` that imports the capability's module on the first request that reaches
 * it, so a cold start pays for the capability it serves and not for the other ten (their zod schemas,
 * services, export writers; `npm run bench:cold-start`).
 *
 * Hono cannot add routes to a router that has already matched, so the capability runs as an app of
 * its own, built once, mounted at the path the outer route matched. It shares the outer request: its
 * context starts with the outer variables (deps, the metered store, the request id) and hands back
 * what it set (the identity, a tenant-scoped store, the route that answered) for the outer
 * middleware that runs after it (metering, usage). Its errors and unknown paths answer as the outer
 * app's do.
 */
export function lazyRoutes(load: RoutesLoader, notFound: NotFoundHandler<AppEnv>): Handler<AppEnv> {
  let inner: Promise<Hono<AppEnv>> | undefined;
  const build = async (mountPath: string) => {
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.notFound(notFound);
    app.use('*', async (c, next) => {
      const outer = outerContextOf.get(c.req.raw);
      if (outer) for (const [key, value] of Object.entries(outer.var)) c.set(key as keyof AppEnv['Variables'], value as never);
      try {
        await next();
      } finally {
        if (outer) {
          for (const [key, value] of Object.entries(c.var)) outer.set(key as keyof AppEnv['Variables'], value as never);
          // After next(), Hono's routePath is the handler that answered (as metering reads it).
          outer.set('routePath', c.req.routePath);
        }
      }
    });
    app.route(mountPath, await load());
    return app;
  };
  return (c) => {
    // `/api/agreements/*` → the capability's routes are mounted at `/api/agreements`.
    inner ??= build(c.req.routePath.replace(/\/\*$/, '')).catch((err: unknown) => {
      inner = undefined; // a failed import is retried by the next request, not cached
      throw err;
    });
    outerContextOf.set(c.req.raw, c);
    return inner.then((app) => app.fetch(c.req.raw, c.env));
  };
}
