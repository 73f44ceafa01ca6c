import { A, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { can, roleLabels, type Permission } from '../../shared/roles.js';
import { signOut } from './auth.js';
import { lang, setLang, t, ui } from './i18n.js';
import { session } from './session.js';
import { PredecessorLinks, ReadOnlyBanner, useLocality } from './tenancy/locality.jsx';

const navItems: { href: string; label: { vi: string; en: string }; end?: boolean; needs?: Permission | Permission[] }[] = [
  { href: '/', label: ui.nav.home, end: true },
  { href: '/agreements', label: ui.nav.agreements },
  { href: '/supervision', label: ui.nav.supervision },
  { href: '/archive', label: ui.nav.archive },
  { href: '/province', label: ui.nav.rollups, needs: 'province:read' },
  { href: '/approvals', label: { vi: 'Phê duyệt đăng ký', en: 'Sign-up approvals' }, needs: 'province:admin' },
  { href: '/users', label: { vi: 'Người dùng', en: 'Users' }, needs: 'tenant:admin' },
  { href: '/audit', label: ui.nav.audit },
  { href: '/usage', label: { vi: 'Mức sử dụng', en: 'Usage' }, needs: ['platform:operate', 'province:admin'] },
  { href: '/status', label: ui.nav.status },
];

/**
 * App shell: header with language switch and session, side navigation (with a commune's link to its
 * predecessor district's records), page content under the read-only banner when it applies.
 */
export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const locality = useLocality();
  return (
    <div class="shell">
      <header class="topbar">
        <A href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">PH</span>
          <span>{t(ui.appName)}</span>
        </A>
        <div class="topbar-right">
          <Show
            when={session()}
            fallback={
              <A href="/sign-in" class="button secondary">
                {t(ui.signIn)}
              </A>
            }
          >
            {(s) => (
              <span class="who" data-testid="who">
                {s().identity.name ?? s().identity.email} · {roleLabels[s().identity.role][lang()]}
              </span>
            )}
          </Show>
          <Show when={session()}>
            <button
              class="button secondary"
              onClick={() => {
                signOut();
                navigate('/sign-in');
              }}
            >
              {t(ui.signOut)}
            </button>
          </Show>
          <button class="button link" data-testid="lang-switch" onClick={() => setLang(lang() === 'vi' ? 'en' : 'vi')}>
            {t(ui.switchLang)}
          </button>
        </div>
      </header>
      <div class="body">
        <nav class="sidenav" aria-label={lang() === 'vi' ? 'Điều hướng chính' : 'Main navigation'}>
          <For each={navItems.filter((i) => !i.needs || (session() && [i.needs].flat().some((p) => can(session()!.identity.role, p))))}>
            {(item) => (
              <A href={item.href} end={item.end} activeClass="active">
                {t(item.label)}
              </A>
            )}
          </For>
          <PredecessorLinks variant="nav" />
        </nav>
        <main class="content">
          <ReadOnlyBanner locality={locality()} />
          {props.children}
        </main>
      </div>
    </div>
  );
}
