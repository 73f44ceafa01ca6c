import { createResource, createSignal, For, Show } from 'solid-js';
import { kindLabels } from '../../../shared/reminders/labels.js';
import { mailsKind, type NotificationKind, type Preferences, preferencesSchema, reminderKinds, userEventKinds } from '../../../shared/reminders/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { createAction, ErrorAlert, focusHeading, SubmitButton, BackLink } from '../ui/index.js';
import './notifications.css';

/** Per-kind e-mail preferences: the daily digest on or off with its reminder kinds, and the events mailed at once (off unless chosen). */
export function NotificationSettings() {
  focusHeading();
  const [prefs] = createResource(() => api.get('/api/notifications/preferences', preferencesSchema));
  return (
    <section>
      <h1>{t({ vi: 'Cài đặt nhận thư thông báo', en: 'Notification e-mail settings' })}</h1>
      <BackLink href="/notifications" label={{ vi: 'Thông báo', en: 'Notifications' }} />
      <Show when={prefs()}>{(p) => <SettingsForm initial={p()} />}</Show>
      <ErrorAlert error={prefs.error} />
    </section>
  );
}

function SettingsForm(props: { initial: Preferences }) {
  const [digest, setDigest] = createSignal(props.initial.digest);
  const [email, setEmail] = createSignal<Preferences['email']>({ ...props.initial.email });
  const [saved, setSaved] = createSignal(false);
  const save = createAction();
  const wants = (k: NotificationKind) => mailsKind({ digest: true, email: email() }, k);
  const choose = (k: NotificationKind, on: boolean) => setEmail({ ...email(), [k]: on });
  return (
    <form
      data-testid="notification-settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.run(async () => {
          await api.put('/api/notifications/preferences', { digest: digest(), email: email() }, preferencesSchema);
          setSaved(true);
        });
      }}
    >
      <label class="check">
        <input type="checkbox" name="digest" checked={digest()} onChange={(e) => setDigest(e.currentTarget.checked)} />
        {t({ vi: 'Nhận thư tổng hợp hằng ngày (7 giờ sáng)', en: 'Receive the daily digest (7 am)' })}
      </label>
      <fieldset disabled={!digest()}>
        <legend>{t({ vi: 'Các loại nhắc việc trong thư tổng hợp', en: 'Reminders included in the digest' })}</legend>
        <KindChecks kinds={reminderKinds} checked={wants} onChange={choose} />
      </fieldset>
      <fieldset>
        <legend>{t({ vi: 'Gửi thư ngay khi có sự kiện', en: 'E-mail me at once when' })}</legend>
        <KindChecks kinds={userEventKinds} checked={wants} onChange={choose} />
      </fieldset>
      <ErrorAlert error={save.error()} />
      <SubmitButton label={{ vi: 'Lưu', en: 'Save' }} busy={save.busy()} />
      <Show when={saved()}>
        <p role="status" data-testid="settings-saved">
          {t({ vi: 'Đã lưu.', en: 'Saved.' })}
        </p>
      </Show>
    </form>
  );
}

/** One checkbox per notification kind, named `kind-<kind>`. */
function KindChecks(props: {
  kinds: readonly NotificationKind[];
  checked: (k: NotificationKind) => boolean;
  onChange: (k: NotificationKind, on: boolean) => void;
}) {
  return (
    <For each={[...props.kinds]}>
      {(k) => (
        <label class="check">
          <input type="checkbox" name={`kind-${k}`} checked={props.checked(k)} onChange={(e) => props.onChange(k, e.currentTarget.checked)} />
          {t(kindLabels[k])}
        </label>
      )}
    </For>
  );
}
