import { type Accessor, type JSX, Match, Switch } from 'solid-js';
import { can, type Permission } from '../../../shared/roles.js';
import { t, type Text, ui } from '../i18n.js';
import { session } from '../session.js';
import { ErrorAlert } from './ErrorAlert.jsx';

/** What a resource-like read exposes (Solid's createResource does). */
type Readable<T> = { (): T | undefined; error: unknown; loading: boolean; latest: T | undefined };

/**
 * A read's three states in one place: its error as an alert, "Đang tải…" until the first value, then
 * the children with the latest value (kept while a refetch runs).
 */
export function Async<T>(props: { of: Readable<T>; children: (value: Accessor<NonNullable<T>>) => JSX.Element; errorTestId?: string }) {
  return (
    <Switch>
      <Match when={props.of.error}>
        <ErrorAlert error={props.of.error} testId={props.errorTestId} />
      </Match>
      <Match when={props.of.latest}>{(value) => props.children(value as Accessor<NonNullable<T>>)}</Match>
      <Match when={props.of.loading}>
        <p role="status">{t(ui.loading)}</p>
      </Match>
    </Switch>
  );
}

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
