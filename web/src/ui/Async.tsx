import { type Accessor, type JSX, Match, Switch } from 'solid-js';
import { t, ui } from '../i18n.js';
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
