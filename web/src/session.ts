import { createSignal } from 'solid-js';
import * as z from 'zod';
import { identitySchema, type Identity } from '../../shared/identity.js';

/**
 * The signed-in session: the ID token and the identity the API confirmed for it (/api/me).
 * Kept in sessionStorage so closing the tab signs out.
 */
export type Session = { token: string; identity: Identity };

const sessionSchema = z.object({ token: z.string(), identity: identitySchema });
function load(): Session | null {
  try {
    const raw = sessionStorage.getItem('session');
    return raw ? sessionSchema.parse(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

const [session, setSessionSignal] = createSignal<Session | null>(typeof sessionStorage !== 'undefined' ? load() : null);
export { session };

export function setSession(s: Session | null) {
  if (s) sessionStorage.setItem('session', JSON.stringify(s));
  else sessionStorage.removeItem('session');
  setSessionSignal(s);
}
