import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../../../shared/format.js';
import { headline, kindLabels } from '../../../shared/reminders/labels.js';
import { type Notification, notificationKinds, notificationListSchema } from '../../../shared/reminders/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { type Table, createAction, createPagedList, pageUrl, ErrorAlert, Field, focusHeading, PagedTable, SubmitButton } from '../ui/index.js';
import { refreshUnread } from './unread.js';
import './notifications.css';

const all = { vi: 'Tất cả', en: 'All' };

/** The signed-in user's notifications, newest first: filters, mark read / all read, a link to each record. */
export function NotificationsPage() {
  focusHeading();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = createSignal(false);
  const [kind, setKind] = createSignal('');
  const query = () => {
    const q = new URLSearchParams();
    if (unreadOnly()) q.set('unread', 'true');
    if (kind()) q.set('kind', kind());
    return q;
  };
  const list = createPagedList(query, (q, cursor) => api.get(pageUrl('/api/notifications', q, cursor), notificationListSchema));
  const action = createAction();
  const markRead = (n: Notification) =>
    action.run(async () => {
      if (!n.read) await api.send(`/api/notifications/${n.id}/read`, { method: 'POST' });
      list.setItems(list.items().map((x) => (x.id === n.id ? { ...x, read: true } : x)));
      await refreshUnread();
    });
  const open = async (n: Notification, e: MouseEvent) => {
    e.preventDefault();
    await markRead(n);
    navigate(n.link);
  };
  const markAll = () =>
    action.run(async () => {
      await api.send('/api/notifications/read-all', { method: 'POST' });
      await list.reload();
      await refreshUnread();
    });

  const notificationTable: Table<Notification> = {
    columns: [
      { id: 'at', header: { vi: 'Thời điểm', en: 'When' }, cell: (n) => formatDateTime(n.at) },
      {
        id: 'what',
        header: { vi: 'Nội dung', en: 'What' },
        cell: (n) => (
          <>
            <strong>{t(headline(n))}</strong>
            <div>
              <A href={n.link} data-testid="notification-link" onClick={(e) => void open(n, e)}>
                {n.label}
              </A>
            </div>
            <Show when={n.context}>
              <div class="hint">{n.context}</div>
            </Show>
          </>
        ),
      },
      {
        id: 'state',
        header: { vi: 'Trạng thái', en: 'State' },
        cell: (n) => (
          <Show when={!n.read} fallback={<span class="muted">{t({ vi: 'Đã đọc', en: 'Read' })}</span>}>
            <SubmitButton
              type="button"
              small
              secondary
              data-testid="mark-read"
              label={{ vi: 'Đánh dấu đã đọc', en: 'Mark read' }}
              onClick={() => void markRead(n)}
            />
          </Show>
        ),
      },
    ],
    label: { vi: 'Thông báo', en: 'Notifications' },
    testId: 'notifications',
    empty: { vi: 'Không có thông báo nào.', en: 'No notifications.' },
    rowAttrs: (n) => ({ 'data-read': String(n.read), 'data-kind': n.kind }),
  };

  return (
    <section>
      <h1>{t({ vi: 'Thông báo', en: 'Notifications' })}</h1>
      <p>
        <A href="/notifications/settings">{t({ vi: 'Cài đặt nhận thư', en: 'E-mail settings' })}</A>
      </p>
      <div class="filters">
        <label class="check">
          <input type="checkbox" name="unread" checked={unreadOnly()} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
          {t({ vi: 'Chỉ thông báo chưa đọc', en: 'Unread only' })}
        </label>
        <Field label={{ vi: 'Loại', en: 'Kind' }}>
          <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t(all)}</option>
            <For each={[...notificationKinds]}>{(k) => <option value={k}>{t(kindLabels[k])}</option>}</For>
          </select>
        </Field>
        <SubmitButton
          type="button"
          secondary
          label={{ vi: 'Đánh dấu tất cả đã đọc', en: 'Mark all read' }}
          busy={action.busy()}
          onClick={() => void markAll()}
          data-testid="mark-all-read"
        />
      </div>
      <ErrorAlert error={action.error()} />
      <PagedTable list={list} {...notificationTable} />
    </section>
  );
}
