import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { t, type Text } from '../i18n.js';
import { createAction } from './action.js';

/**
 * Selecting records of a list for a change applied to all of them at once. Keys are the records'
 * numbers; the versions are read from the list when the change is sent.
 */
export function createSelection() {
  const [keys, setKeys] = createSignal<ReadonlySet<number>>(new Set());
  return {
    has: (k: number) => keys().has(k),
    set: (k: number, on: boolean) =>
      setKeys((prev) => {
        const next = new Set(prev);
        if (on) next.add(k);
        else next.delete(k);
        return next;
      }),
    all: (ks: number[]) => setKeys(new Set(ks)),
    clear: () => setKeys(new Set<number>()),
    size: () => keys().size,
    keys: () => [...keys()].sort((a, b) => a - b),
  };
}
export type Selection = ReturnType<typeof createSelection>;

/**
 * A bulk change: the page's fields (each "no change" as given in `blank`), and sending it: the
 * selected records still on the page with the versions shown (the server refuses those changed
 * meanwhile), then "đã cập nhật N …", an empty selection, the fields back to blank and the list read again.
 */
export function createBulkChange<F extends Record<string, string>>(opts: { noun: Text; selection: Selection; blank: F; reload: () => void }) {
  const action = createAction();
  const [done, setDone] = createSignal('');
  const [fields, setFields] = createStore<F>({ ...opts.blank });
  const versions = (rows: readonly { no: number; version: number }[]) => {
    const byNo = new Map(rows.map((r) => [r.no, r.version]));
    return opts.selection.keys().flatMap((no) => (byNo.has(no) ? [{ no, version: byNo.get(no)! }] : []));
  };
  const send = async (request: () => Promise<{ changed: number }>) => {
    setDone('');
    const r = await action.run(request);
    if (!r) return;
    setDone(t({ vi: `đã cập nhật ${r.changed} ${opts.noun.vi}`, en: `${r.changed} updated` }));
    opts.selection.clear();
    setFields({ ...opts.blank });
    opts.reload();
  };
  return { noun: opts.noun, selection: opts.selection, action, done, fields, setFields, versions, send };
}
