import { type JSX, Match, Switch } from 'solid-js';
import { can, type Permission } from '../../../shared/roles.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';

/** May the signed-in user do this (role matrix)? */
export const allowed = (permission: Permission): boolean => {
  const s = session();
  return !!s && can(s.identity.role, permission);
};

/** A page (or part) for one role only: others read why they see nothing. */
export function RoleGate(props: { needs: Permission; message: Text; children: JSX.Element }) {
  return (
    <Switch fallback={<p class="muted">{t(props.message)}</p>}>
      <Match when={allowed(props.needs)}>{props.children}</Match>
    </Switch>
  );
}
