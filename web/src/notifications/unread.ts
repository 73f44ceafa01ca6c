import { createSignal } from 'solid-js';
import { unreadCountSchema } from '../../../shared/reminders/schema.js';
import { api } from '../api.js';

/** The signed-in user's unread count, shared by the bell and the notifications page. */
const [unread, setUnread] = createSignal<{ count: number; more: boolean } | null>(null);
export { unread };

export async function refreshUnread(): Promise<void> {
  try {
    setUnread(await api.get('/api/notifications/unread-count', unreadCountSchema));
  } catch {
    // The bell stays as it was; the page shows errors where they matter.
  }
}
