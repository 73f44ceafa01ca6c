import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/http/env.js';
import { lazyRoutes } from '../../functions/http/lazy-routes.js';
import { ProblemError } from '../../functions/http/problem.js';

/** An outer app like functions/app.ts: a middleware around everything, the capability mounted lazily at /api/things. */
function outerApp(load: () => Promise<Hono<AppEnv>>) {
  const seen: { requestId?: string; routePath?: string; role?: string }[] = [];
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('requestId', 'outer-id');
    await next();
    seen.push({ routePath: c.var.routePath, role: c.var.identity?.role });
  });
  const api = new Hono<AppEnv>();
  api.all(
    '/things/*',
    lazyRoutes(load, (c) => c.json({ notFound: c.req.path }, 404)),
  );
  app.route('/api', api);
  return { app, seen };
}

const thingRoutes = () =>
  new Hono<AppEnv>()
    .get('/', (c) => c.json({ list: true, requestId: c.var.requestId }))
    .get('/:id', (c) => {
      c.set('identity', { role: 'locality_admin' } as AppEnv['Variables']['identity']);
      return c.json({ id: c.req.param('id') });
    })
    .post('/:id/conflict', () => {
      throw new ProblemError('conflict', { vi: 'Đã thay đổi', en: 'Changed' });
    });

describe('lazyRoutes', () => {
  it('imports the capability on its first request only, once for concurrent requests', async () => {
    let loads = 0;
    const { app } = outerApp(async () => {
      loads += 1;
      return thingRoutes();
    });
    expect(loads).toBe(0);
    const answers = await Promise.all([app.request('/api/things'), app.request('/api/things/7'), app.request('/api/things/8')]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await answers[1]!.json()).toEqual({ id: '7' });
    await app.request('/api/things/9');
    expect(loads).toBe(1);
  });

  it('shares the request: outer variables inside, what the capability set (identity, route) outside', async () => {
    const { app, seen } = outerApp(async () => thingRoutes());
    expect(await (await app.request('/api/things')).json()).toEqual({ list: true, requestId: 'outer-id' });
    await app.request('/api/things/42');
    expect(seen).toEqual([
      { routePath: '/api/things', role: undefined },
      { routePath: '/api/things/:id', role: 'locality_admin' },
    ]);
  });

  it('answers unknown paths with the given handler and errors as problems', async () => {
    const { app } = outerApp(async () => thingRoutes());
    const missing = await app.request('/api/things/1/2/3');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ notFound: '/api/things/1/2/3' });
    const conflict = await app.request('/api/things/1/conflict', { method: 'POST' });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toContain('application/problem+json');
    expect((await conflict.json()).detail_vi).toBe('Đã thay đổi');
  });

  it('retries an import that failed instead of keeping the failure', async () => {
    let attempt = 0;
    const { app } = outerApp(async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('module not found');
      return thingRoutes();
    });
    await expect(app.request('/api/things')).resolves.toHaveProperty('status', 500);
    expect((await app.request('/api/things')).status).toBe(200);
    expect(attempt).toBe(2);
  });
});
