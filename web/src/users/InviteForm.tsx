import { createSignal, For, Show } from 'solid-js';
import { roleLabels, type Role } from '../../../shared/roles.js';
import { type InvitationCreated, invitationCreatedSchema } from '../../../shared/users/schema.js';
import { api } from '../api.js';
import { lang, ui } from '../i18n.js';
import { InvitationLink } from '../tenancy/InvitationLink.jsx';
import { createAction, ErrorAlert, Field, SubmitButton, Input } from '../ui/index.js';

const fieldLabels = {
  email: ui.email,
  name: { vi: 'Họ và tên', en: 'Name' },
  role: { vi: 'Vai trò', en: 'Role' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
};

/** Invite a user into the admin's own tenant; the link to hand over is shown (no email is sent). */
export function InviteForm(props: { grantableRoles: Role[]; onInvited: () => void }) {
  const [email, setEmail] = createSignal('');
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal<Role | ''>('');
  const [agency, setAgency] = createSignal('');
  const [created, setCreated] = createSignal<InvitationCreated | null>(null);
  const action = createAction();

  const invite = async (e: SubmitEvent) => {
    e.preventDefault();
    const body = {
      email: email(),
      role: role() || props.grantableRoles.at(-1),
      ...(name() ? { name: name() } : {}),
      ...(agency() ? { agency: agency() } : {}),
    };
    const res = await action.run(() => api.post('/api/tenancy/invitations', body, invitationCreatedSchema));
    if (!res) return;
    setCreated(res);
    setEmail('');
    setName('');
    setAgency('');
    props.onInvited();
  };

  return (
    <>
      <form class="form narrow" onSubmit={invite} data-testid="invite-form">
        <Input label={ui.email} name="email" type="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        <Input label={{ vi: 'Họ và tên (không bắt buộc)', en: 'Name (optional)' }} name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        <Field label={fieldLabels.role}>
          <select name="role" value={role() || (props.grantableRoles.at(-1) ?? '')} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={props.grantableRoles}>{(r) => <option value={r}>{roleLabels[r][lang()]}</option>}</For>
          </select>
        </Field>
        <Field label={{ vi: 'Cơ quan (không bắt buộc)', en: 'Agency (optional)' }}>
          <input name="agency" value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
        </Field>
        <ErrorAlert error={action.error()} labels={fieldLabels} />
        <SubmitButton label={{ vi: 'Tạo lời mời', en: 'Create invitation' }} busy={action.busy()} />
      </form>
      <Show when={created()}>{(c) => <InvitationLink link={c().link} email={c().invitation.email} />}</Show>
    </>
  );
}
