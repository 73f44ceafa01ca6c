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
      <span aria-hidden="true">🔔</span>
      <Show when={count() > 0}>
        <span class="bell-count" data-testid="bell-count" aria-hidden="true">
          {shown()}
        </span>
      </Show>
    </A>
  );
}
