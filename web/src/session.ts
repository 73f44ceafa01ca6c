import { createSignal } from 'solid-js';
import type { Identity } from '../../shared/identity.js';

/**
 * The signed-in session: the ID token, the refresh token that renews it, and the identity the API
 * confirmed for it (/api/me). Kept in localStorage so that every tab of the browser shares it: a
 * new tab is signed in, a renewal in one tab reaches the others, and signing out in one signs out
 * all (the `storage` event). The refresh token lets a session last a working day without asking
 * for the password again (Cognito: REFRESH_TOKEN_AUTH; the local issuer the same way).
 *
 * Whether someone is signed in is decided once, when the app starts (`restoreSession`, awaited by
 * the layout's guard): a stored session is checked against the shared schema, whose code (zod) is
 * loaded only then, so a visitor's first page never loads it. Until that answer, `session()` is
 * null and `sessionKnown()` false; pages render only after it.
 */
export type Session = { token: string; refreshToken?: string | undefined; identity: Identity };

const STORAGE_KEY = 'session';
const [session, setSessionSignal] = createSignal<Session | null>(null);
const [sessionKnown, setSessionKnown] = createSignal(false);
export { session, sessionKnown };

let restoring: Promise<Session | null> | undefined;

/** Reads the stored session once; later calls return the same answer. */
export function restoreSession(): Promise<Session | null> {
  restoring ??= load(typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY)).then((s) => {
    // A sign-in that finished meanwhile wins over what was stored before it.
    if (!sessionKnown()) adopt(s);
    return session();
  });
  return restoring;
}

async function load(raw: string | null): Promise<Session | null> {
  if (!raw) return null;
  try {
    const { sessionSchema } = await import('./session-schemas.js');
    return sessionSchema.parse(JSON.parse(raw));
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

/** Takes a session as this tab's (from a sign-in here or another tab's change) and plans its renewal. */
function adopt(s: Session | null) {
  setSessionSignal(s);
  setSessionKnown(true);
  scheduleRenewal(s);
}

export function setSession(s: Session | null) {
  if (s) localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  else localStorage.removeItem(STORAGE_KEY);
  adopt(s);
}

// Another tab signed in, renewed or signed out: this tab follows.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== STORAGE_KEY && e.key !== null) return;
    void load(e.newValue).then((s) => {
      if (s?.token !== session()?.token) adopt(s);
    });
  });
}

/** Seconds since the epoch at which a JWT expires (its `exp`), or null when unreadable. */
export function tokenExpiry(token: string): number | null {
  try {
    const part = token.split('.')[1] ?? '';
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/**
 * How a session is renewed and, when renewal fails, how the user signs in again without leaving
 * the page. Registered by auth.ts (renewal, which talks to the issuer) and the layout (the dialog).
 */
type Hooks = { renew?: () => Promise<boolean>; signInAgain?: () => Promise<boolean> };
const hooks: Hooks = {};
export function registerSessionHooks(h: Hooks) {
  Object.assign(hooks, h);
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Renews a little before the token expires (a quarter of its life before, at most a minute). */
function scheduleRenewal(s: Session | null) {
  clearTimeout(timer);
  const exp = s?.refreshToken ? tokenExpiry(s.token) : null;
  if (exp === null) return;
  const remaining = exp * 1000 - Date.now();
  timer = setTimeout(() => void renewNow(), Math.max(0, remaining - Math.min(60_000, remaining / 4)));
}

let renewing: Promise<boolean> | undefined;
/** Silent renewal, once at a time however many requests ask for it. */
export function renewNow(): Promise<boolean> {
  renewing ??= (hooks.renew?.() ?? Promise.resolve(false))
    .catch(() => false)
    .finally(() => {
      renewing = undefined;
    });
  return renewing;
}

let recovering: Promise<boolean> | undefined;
/**
 * A request was refused for an expired or revoked token: renew silently, else ask the user to sign
 * in again over the page (every field stays as it is). True when a fresh token is in the session.
 */
export function recoverSession(): Promise<boolean> {
  recovering ??= (async () => {
    if (await renewNow()) return true;
    return session() ? ((await hooks.signInAgain?.()) ?? false) : false;
  })().finally(() => {
    recovering = undefined;
  });
  return recovering;
}

/**
 * Where to go after signing in: the `next` path the guard sent the visitor from (same origin only,
 * never `//host`), else the overview.
 */
export function returnPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

/** The sign-in address that brings the visitor back to `path` (path + query + hash) afterwards. */
export function signInPath(path: string): string {
  return path === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next: path })}`;
}
