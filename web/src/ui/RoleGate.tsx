import { type JSX, Match, Switch } from 'solid-js';
import { can, type Permission } from '../../../shared/roles.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';
import { focusHeading } from './focus.js';

/** May the signed-in user do this (role matrix)? */
export const allowed = (permission: Permission): boolean => {
  const s = session();
  return !!s && can(s.identity.role, permission);
};

/** A page (or part) for one role only: others read why they see nothing. */
export function RoleGate(props: { needs: Permission; message: Text; children: JSX.Element }) {
  return (
    <Switch fallback={<p class="muted">{t(props.message)}</p>}>
      <Match when={allowed(props.needs)}>{props.children}</Match>
    </Switch>
  );
}

/** Why a page stays empty for someone without the permission it needs (a page may say it its own way). */
const pageGateMessages = {
  'tenant:admin': { vi: 'Chỉ quản trị viên của đơn vị dùng trang này.', en: 'Only the unit’s admins use this page.' },
  'province:admin': { vi: 'Chỉ quản trị viên cấp tỉnh dùng trang này.', en: 'Only province admins use this page.' },
  'platform:operate': { vi: 'Chỉ người vận hành nền tảng dùng trang này.', en: 'Only platform operators use this page.' },
} satisfies Partial<Record<Permission, Text>>;

type PageProps = { title: Text; children: JSX.Element };

/** A whole page for one role only: its heading (focused after navigation, as on every page) above the gate. */
export function GatedPage(props: PageProps & { needs: keyof typeof pageGateMessages; message?: Text }): JSX.Element;
export function GatedPage(props: PageProps & { needs: Permission; message: Text }): JSX.Element;
export function GatedPage(props: PageProps & { needs: Permission; message?: Text }) {
  focusHeading();
  return (
    <section>
      <h1>{t(props.title)}</h1>
      <RoleGate needs={props.needs} message={props.message ?? pageGateMessages[props.needs as keyof typeof pageGateMessages]}>
        {props.children}
      </RoleGate>
    </section>
  );
}
