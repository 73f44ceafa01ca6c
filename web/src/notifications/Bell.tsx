import { A, useLocation } from '@solidjs/router';
import { createEffect, on, onCleanup, Show } from 'solid-js';
import { t } from '../i18n.js';
import { refreshUnread, unread } from './unread.js';

/** The header's bell: unread notifications, read again on every page change and each minute. */
export function Bell() {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => void refreshUnread(),
    ),
  );
  const timer = setInterval(() => void refreshUnread(), 60_000);
  onCleanup(() => clearInterval(timer));
  const count = () => unread()?.count ?? 0;
  const shown = () => (unread()?.more ? `${count()}+` : String(count()));
  const label = () =>
    count() === 0
      ? t({ vi: 'Thông báo: không có thông báo chưa đọc', en: 'Notifications: none unread' })
      : t({ vi: `Thông báo: ${shown()} chưa đọc`, en: `Notifications: ${shown()} unread` });
  return (
    <A href="/notifications" class="bell" data-testid="bell" aria-label={label()} title={label()}>
      {/* Drawn, not an emoji: a machine without an emoji font showed an empty box. */}
      <svg class="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <Show when={count() > 0}>
        <span class="bell-count" data-testid="bell-count" aria-hidden="true">
          {shown()}
        </span>
      </Show>
    </A>
  );
}
