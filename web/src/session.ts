import { createSignal } from 'solid-js';
import type { Identity } from '../../shared/identity.js';

/**
 * The signed-in session: the ID token and the identity the API confirmed for it (/api/me).
 * Kept in sessionStorage so closing the tab signs out.
 *
 * Whether someone is signed in is decided once, when the app starts (`restoreSession`, awaited by
 * the layout's guard): a stored session is checked against the shared schema, whose code (zod) is
 * loaded only then, so a visitor's first page never loads it. Until that answer, `session()` is
 * null and `sessionKnown()` false; pages render only after it.
 */
export type Session = { token: string; identity: Identity };

const STORAGE_KEY = 'session';
const [session, setSessionSignal] = createSignal<Session | null>(null);
const [sessionKnown, setSessionKnown] = createSignal(false);
export { session, sessionKnown };

let restoring: Promise<Session | null> | undefined;

/** Reads the stored session once; later calls return the same answer. */
export function restoreSession(): Promise<Session | null> {
  restoring ??= load().then((s) => {
    // A sign-in that finished meanwhile wins over what was stored before it.
    if (!sessionKnown()) {
      setSessionSignal(s);
      setSessionKnown(true);
    }
    return session();
  });
  return restoring;
}

async function load(): Promise<Session | null> {
  const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const { sessionSchema } = await import('./session-schemas.js');
    return sessionSchema.parse(JSON.parse(raw));
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function setSession(s: Session | null) {
  if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
  else sessionStorage.removeItem(STORAGE_KEY);
  setSessionSignal(s);
  setSessionKnown(true);
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
