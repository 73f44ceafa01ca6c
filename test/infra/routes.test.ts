import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/http/env.js';
import { requireAuth } from '../../functions/auth/middleware.js';
import { appRoutes, classifyRoutes, gatewayRouteKeys } from '../../infra/routes.js';

const ok = (c: { text: (s: string) => Response }) => c.text('ok');

describe('public and protected API routes, read from the Hono app', () => {
  it('finds the foundation routes: health, config and localities public; /api/me protected', () => {
    const { publicRoutes, protectedRoutes } = appRoutes();
    // Capabilities add their own public routes (sign-up, invitations); these four stay public.
    const pub = publicRoutes.map((r) => `${r.method} ${r.path}`);
    expect(pub).toEqual(expect.arrayContaining(['GET /api/config', 'GET /api/health', 'GET /api/localities', 'GET /api/localities/:provinceCode']));
    expect(pub).not.toContain('GET /api/me');
    expect(protectedRoutes.map((r) => `${r.method} ${r.path}`)).toContain('GET /api/me');
  });

  it('sees requireAuth however a capability applies it (sub-app use, path use, inline)', () => {
    const agreements = new Hono<AppEnv>().use('*', requireAuth).get('/', ok).get('/:id', ok).post('/', ok);
    const tenancy = new Hono<AppEnv>().post('/sign-up', ok).get('/invitations/:token', ok).get('/', requireAuth, ok).patch('/:id', requireAuth, ok);
    const api = new Hono<AppEnv>();
    api.use('/supervision/*', requireAuth);
    api.get('/supervision/plans', ok);
    api.route('/agreements', agreements);
    api.route('/tenants', tenancy);
    const app = new Hono<AppEnv>().route('/api', api);
    const { publicRoutes, protectedRoutes } = classifyRoutes(app);
    expect(publicRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['GET /api/tenants/invitations/:token', 'POST /api/tenants/sign-up']);
    expect(protectedRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'GET /api/agreements',
        'GET /api/agreements/:id',
        'GET /api/supervision/plans',
        'GET /api/tenants',
        'PATCH /api/tenants/:id',
        'POST /api/agreements',
      ].sort(),
    );
  });

  it('turns Hono paths into API Gateway route keys', () => {
    expect(gatewayRouteKeys({ method: 'GET', path: '/api/localities/:provinceCode' })).toEqual([{ method: 'GET', path: '/api/localities/{p1}' }]);
    expect(gatewayRouteKeys({ method: 'POST', path: '/api/tenants/:id{[0-9]+}/approve' })).toEqual([{ method: 'POST', path: '/api/tenants/{p1}/approve' }]);
    expect(gatewayRouteKeys({ method: 'GET', path: '/api/files/*' })).toEqual([{ method: 'GET', path: '/api/files/{proxy+}' }]);
    expect(gatewayRouteKeys({ method: 'GET', path: '/api/x/:a/:b?' })).toEqual([
      { method: 'GET', path: '/api/x/{p1}' },
      { method: 'GET', path: '/api/x/{p1}/{p2}' },
    ]);
    expect(gatewayRouteKeys({ method: 'ALL', path: '/api/y' })).toEqual([{ method: 'ANY', path: '/api/y' }]);
  });
});
