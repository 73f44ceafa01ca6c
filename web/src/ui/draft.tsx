import { useBeforeLeave } from '@solidjs/router';
import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { reconcile, type SetStoreFunction, unwrap } from 'solid-js/store';
import { formatDateTime } from '../../../shared/format.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';
import './ui.css';

type Stored<T> = { savedAt: string; form: T };

const leaveText: Text = {
  vi: 'Biểu mẫu có thay đổi chưa lưu. Rời trang này? (Bản nháp vẫn được giữ trên máy này.)',
  en: 'The form has unsaved changes. Leave this page? (The draft stays on this device.)',
};

/**
 * Keeps what is typed into a form until it is saved or discarded: a copy in localStorage, per user
 * and per form (`draft:<user>:<form>`), written as the user types and restored, with a notice,
 * when the form is opened again. While the form holds unsaved changes, leaving it (a link, Back,
 * closing the tab) asks first.
 *
 * `ready` says when the form holds what it loaded (an edit form after its record arrived): the
 * draft is restored over that, and `discard` returns to it.
 */
export function createDraft<T extends object>(opts: { key: () => string | undefined; form: T; setForm: SetStoreFunction<T>; ready: () => boolean }) {
  const [dirty, setDirty] = createSignal(false);
  const [restoredAt, setRestoredAt] = createSignal<string | null>(null);
  let baseline: T | undefined;
  let restored = false;
  const storageKey = () => {
    const user = session()?.identity.userId;
    const key = opts.key();
    return user && key ? `draft:${user}:${key}` : undefined;
  };
  const read = (key: string): Stored<T> | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? 'null') as Stored<T> | null;
    } catch {
      return null;
    }
  };

  // Once the form holds its loaded values: remember them, and bring back a draft kept earlier.
  createEffect(
    on([opts.ready, storageKey], ([ready, key]) => {
      if (!ready || !key || restored) return;
      restored = true;
      baseline = structuredClone(unwrap(opts.form));
      const kept = read(key);
      if (kept && JSON.stringify(kept.form) !== JSON.stringify(baseline)) {
        opts.setForm(reconcile(kept.form));
        setRestoredAt(kept.savedAt);
        setDirty(true);
      }
    }),
  );

  // Every change after that is kept (the restore itself is not a change of the user's).
  createEffect(
    on(
      () => JSON.stringify(opts.form),
      (snapshot) => {
        const key = storageKey();
        if (!restored || !key || baseline === undefined) return;
        if (snapshot === JSON.stringify(baseline)) {
          localStorage.removeItem(key);
          setDirty(false);
          return;
        }
        localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), form: JSON.parse(snapshot) }));
        setDirty(true);
      },
      { defer: true },
    ),
  );

  useBeforeLeave((e) => {
    if (!dirty() || e.defaultPrevented) return;
    e.preventDefault();
    setTimeout(() => {
      if (window.confirm(t(leaveText))) e.retry(true);
    });
  });
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  window.addEventListener('beforeunload', beforeUnload);
  onCleanup(() => window.removeEventListener('beforeunload', beforeUnload));

  return {
    dirty,
    restoredAt,
    /** The form was saved: forget the draft, leave without asking. */
    saved() {
      const key = storageKey();
      if (key) localStorage.removeItem(key);
      baseline = structuredClone(unwrap(opts.form));
      setDirty(false);
      setRestoredAt(null);
    },
    /** Throw the draft away: the form returns to what it loaded. */
    discard() {
      const key = storageKey();
      if (key) localStorage.removeItem(key);
      if (baseline !== undefined) opts.setForm(reconcile(structuredClone(baseline)));
      setDirty(false);
      setRestoredAt(null);
    },
  };
}
export type Draft = ReturnType<typeof createDraft>;

/** "A draft was restored" with the time it was kept, and a way to throw it away. */
export function DraftNotice(props: { draft: Draft }) {
  return (
    <Show when={props.draft.restoredAt()}>
      {(at) => (
        <div class="draft-notice" role="status" data-testid="draft-notice">
          <span>
            {t({
              vi: `Đã khôi phục bản nháp chưa lưu (${formatDateTime(at())}).`,
              en: `An unsaved draft was restored (${formatDateTime(at())}).`,
            })}
          </span>{' '}
          <button type="button" class="button link" data-testid="discard-draft" onClick={() => props.draft.discard()}>
            {t({ vi: 'Bỏ bản nháp', en: 'Discard the draft' })}
          </button>
        </div>
      )}
    </Show>
  );
}
