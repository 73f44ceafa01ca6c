import { createEffect, createSignal, on, Show } from 'solid-js';
import type { ListResponseOf } from '../../../shared/paging.js';
import type { Text } from '../i18n.js';
import { SubmitButton } from './Field.jsx';

/** One page of a list: the list contract every list endpoint answers, `{ items, nextCursor }`. */
export type Page<T> = ListResponseOf<T>;

/** A list endpoint's address for one page: its filters, then the cursor of the page after the first. */
export function pageUrl(path: string, filters: string | URLSearchParams, cursor?: string): string {
  const q = new URLSearchParams(filters);
  if (cursor) q.set('cursor', cursor);
  return q.size ? `${path}?${q}` : path;
}

/**
 * A list read page by page ("Xem thêm"): the first page is read whenever `query` changes (false: not
 * yet), further pages are appended. Errors of either kind end up in `error`.
 */
export function createPagedList<T, Q>(query: () => Q | false, fetchPage: (query: Q, cursor?: string) => Promise<Page<T>>) {
  const [items, setItems] = createSignal<T[]>([]);
  const [next, setNext] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  let generation = 0;

  const load = async (more: boolean) => {
    const q = query();
    if (q === false) return;
    const mine = ++generation;
    setBusy(true);
    setError(null);
    try {
      const page = await fetchPage(q, more ? (next() ?? undefined) : undefined);
      if (mine !== generation) return;
      setItems(more ? [...items(), ...page.items] : page.items);
      setNext(page.nextCursor);
      setLoaded(true);
    } catch (err) {
      if (mine !== generation) return;
      setError(err);
      if (!more) setItems([]);
    } finally {
      if (mine === generation) setBusy(false);
    }
  };
  createEffect(on(query, () => void load(false)));
  return { items, setItems, next, busy, loaded, error, reload: () => load(false), loadMore: () => load(true) };
}
export type PagedList<T> = ReturnType<typeof createPagedList<T, unknown>>;

export const loadMoreText: Text = { vi: 'Xem thêm', en: 'Load more' };

/** "Xem thêm / Load more" under a paged list, while the server says there is more. */
export function LoadMore(props: { list: { next: () => string | null; busy: () => boolean; loadMore: () => void }; testId?: string }) {
  return (
    <Show when={props.list.next()}>
      <p>
        <SubmitButton type="button" secondary label={loadMoreText} busy={props.list.busy()} data-testid={props.testId} onClick={() => props.list.loadMore()} />
      </p>
    </Show>
  );
}
