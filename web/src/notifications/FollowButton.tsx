import { createResource, Show } from 'solid-js';
import { followStateSchema } from '../../../shared/reminders/schema.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { ErrorAlert, SubmitButton, createAction } from '../ui/index.js';

/** Follow / unfollow a record (agreement or plan) or, for province staff, a locality. */
export function FollowButton(props: { type: 'agreement' | 'plan' | 'locality'; id: string }) {
  const path = () => `/api/notifications/follows/${props.type}/${props.id}`;
  const [state, { refetch }] = createResource(path, (p) => api.get(p, followStateSchema));
  const toggle = createAction();
  const flip = () =>
    toggle.run(async () => {
      await api.send(path(), { method: state()?.following ? 'DELETE' : 'PUT' });
      await refetch();
    });
  return (
    <Show when={state()}>
      {(s) => (
        <span class="follow">
          <SubmitButton
            type="button"
            secondary
            small
            data-testid="follow"
            aria-pressed={s().following}
            busy={toggle.busy()}
            label={s().following ? { vi: 'Đang theo dõi — bỏ theo dõi', en: 'Following — unfollow' } : { vi: 'Theo dõi', en: 'Follow' }}
            onClick={() => void flip()}
          />
          <span class="hint">{t({ vi: `${s().followers} người theo dõi`, en: `${s().followers} follower(s)` })}</span>
          <ErrorAlert error={toggle.error()} />
        </span>
      )}
    </Show>
  );
}
