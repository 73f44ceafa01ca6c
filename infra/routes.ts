import { TrieRouter } from 'hono/router/trie-router';
import { appWithRouteTable } from '../functions/capability-routes.js';
import { requireAuth } from '../functions/auth/middleware.js';

/**
 * Which API routes are public, read from the Hono app itself so API Gateway can never drift from the
 * code: a route is protected when a `requireAuth` middleware (app-level `use`, sub-app `use('*')` or
 * inline) matches it by Hono's own router. Protected routes get the JWT authorizer; public routes
 * (health, config, localities, and whatever sign-up / invitation routes the capabilities add without
 * `requireAuth`) get API Gateway routes of their own without it. The app verifies tokens either way.
 */
export type ApiRoute = { method: string; path: string };

export function appRoutes(): { publicRoutes: ApiRoute[]; protectedRoutes: ApiRoute[] } {
  // Route registration never touches deps; they are only read per request.
  return classifyRoutes(appWithRouteTable());
}

export function classifyRoutes(app: { routes: { method: string; path: string; handler: unknown }[] }) {
  const auth = new TrieRouter<true>();
  const endpoints = new Map<string, ApiRoute>();
  for (const r of app.routes) {
    if (r.handler === requireAuth) auth.add(r.method, r.path, true);
    // `use()` middleware and catch-alls are registered as ALL; endpoints carry a method.
    else if (r.method !== 'ALL') endpoints.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  const publicRoutes: ApiRoute[] = [];
  const protectedRoutes: ApiRoute[] = [];
  for (const e of endpoints.values()) {
    const [matches] = auth.match(e.method, samplePath(e.path));
    (matches.length > 0 ? protectedRoutes : publicRoutes).push(e);
  }
  return { publicRoutes, protectedRoutes };
}

/** A concrete path the route matches: `/api/localities/:provinceCode` → `/api/localities/x`. */
function samplePath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg.startsWith(':') ? 'x' : seg === '*' ? 'x' : seg))
    .join('/');
}

/**
 * API Gateway route keys for a Hono route. Path parameters are renamed by position (`{p1}`) so
 * sibling routes never disagree on a variable name; a trailing `*` becomes `{proxy+}`; an optional
 * parameter (`:id?`) yields the route with and without it.
 */
export function gatewayRouteKeys(route: ApiRoute): { method: string; path: string }[] {
  const method = route.method === 'ALL' ? 'ANY' : route.method;
  const variants: string[][] = [[]];
  let n = 0;
  for (const seg of route.path.split('/').filter(Boolean)) {
    if (seg === '*') {
      for (const v of variants) v.push('{proxy+}');
      break;
    }
    if (seg.startsWith(':')) {
      const name = `{p${++n}}`;
      if (/\?$/.test(seg)) {
        const withParam = variants.map((v) => [...v, name]);
        variants.push(...withParam);
      } else for (const v of variants) v.push(name);
    } else for (const v of variants) v.push(seg);
  }
  return [...new Set(variants.map((v) => `/${v.join('/')}`))].map((path) => ({ method, path }));
}
