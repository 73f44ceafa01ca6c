import { A, type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { Permission } from '../../shared/roles.js';
import { signOut } from './auth.js';
import { lang, setLang, t, ui } from './i18n.js';
import { restoreSession, session, sessionKnown, signInPath } from './session.js';
import { SignInAgain } from './SignInAgain.jsx';
import './layout.css';

type SignedInKit = typeof import('./SignedInShell.jsx');

const navItems: { href: string; label: { vi: string; en: string }; end?: boolean; needs?: Permission | Permission[] }[] = [
  { href: '/', label: ui.nav.home, end: true },
  { href: '/agreements', label: ui.nav.agreements },
  { href: '/supervision', label: ui.nav.supervision },
  { href: '/archive', label: ui.nav.archive },
  { href: '/province', label: ui.nav.rollups, needs: 'province:read' },
  { href: '/approvals', label: { vi: 'Phê duyệt đăng ký', en: 'Sign-up approvals' }, needs: 'province:admin' },
  { href: '/users', label: { vi: 'Người dùng', en: 'Users' }, needs: 'tenant:admin' },
  { href: '/audit', label: ui.nav.audit },
  { href: '/operator', label: { vi: 'Đơn vị trên hệ thống', en: 'Tenants' }, needs: 'platform:operate' },
  { href: '/usage', label: { vi: 'Mức sử dụng', en: 'Usage' }, needs: ['platform:operate', 'province:admin'] },
  { href: '/status', label: ui.nav.status },
];

/**
 * Pages a visitor may open without signing in: signing in and up, accepting an invitation, the
 * overview (it offers both) and the system status. Every other page needs a session.
 */
const publicPaths = new Set(['/', '/sign-in', '/sign-up', '/invitation', '/status']);
export const isPublicPath = (pathname: string): boolean => publicPaths.has(pathname.replace(/\/+$/, '') || '/');

/**
 * App shell and session guard: header with language switch and session, side navigation (a menu
 * button on narrow screens; with a commune's link to its predecessor district's records), page
 * content under the read-only banner when it applies.
 *
 * The guard decides signed-in vs not once, at start (`restoreSession`); until then no page renders.
 * A visitor on a page that needs a session is sent to `/sign-in?next=<where they were>`; pages
 * need not check the session themselves.
 */
export function Layout(props: RouteSectionProps) {
  const navigate = useNavigate();
  const location = useLocation();
  void restoreSession();

  // The signed-in parts of the shell (role matrix, tenant banners) load with the first session.
  const [kit, setKit] = createSignal<SignedInKit>();
  const [kitFailed, setKitFailed] = createSignal(false);
  createEffect(() => {
    if (session() && !kit() && !kitFailed()) import('./SignedInShell.jsx').then(setKit, () => setKitFailed(true));
  });
  const ready = () => sessionKnown() && (!session() || !!kit() || kitFailed());
  const allowed = () => !!session() || isPublicPath(location.pathname);

  createEffect(() => {
    if (sessionKnown() && !allowed()) navigate(signInPath(location.pathname + location.search + location.hash), { replace: true });
  });

  const visibleNav = () => {
    const s = session();
    const k = kit();
    return navItems.filter((i) => !i.needs || (s && k?.allowed(s.identity.role, i.needs)));
  };

  // Phones: the navigation folds into a menu button (CSS decides when it shows, at ≤ 640 px).
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  let nav: HTMLElement | undefined;
  let main: HTMLElement | undefined;
  const closeMenu = (focus: 'button' | 'content' | 'none') => {
    if (!menuOpen()) return;
    setMenuOpen(false);
    if (focus === 'button') menuButton?.focus();
    else if (focus === 'content') main?.focus();
  };
  const toggleMenu = () => {
    if (menuOpen()) return closeMenu('button');
    setMenuOpen(true);
    nav?.querySelector<HTMLElement>('a')?.focus();
  };
  // A link followed from the open menu: close it and put focus where the new page starts.
  createEffect(
    on(
      () => location.pathname + location.search,
      () => closeMenu('content'),
      { defer: true },
    ),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen()) {
      e.preventDefault();
      closeMenu('button');
    }
  };
  const onPointer = (e: PointerEvent) => {
    if (menuOpen() && e.target instanceof Node && !nav?.contains(e.target) && !menuButton?.contains(e.target)) closeMenu('none');
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onPointer);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onPointer);
  });

  const navLabel = () => (lang() === 'vi' ? 'Điều hướng chính' : 'Main navigation');
  const locality = () => {
    const value = new URLSearchParams(location.search).get('locality');
    return value || undefined;
  };

  return (
    <div class="shell">
      <header class="topbar">
        <A href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">
            PH
          </span>
          <span>{t(ui.appName)}</span>
        </A>
        <div class="topbar-right">
          <button
            ref={menuButton}
            type="button"
            class="menu-button"
            data-testid="menu-button"
            aria-expanded={menuOpen()}
            aria-controls="main-nav"
            onClick={toggleMenu}
          >
            <span class="menu-icon" aria-hidden="true" />
            {t({ vi: 'Danh mục', en: 'Menu' })}
          </button>
          <Show
            when={session()}
            fallback={
              <Show when={sessionKnown()}>
                <A href="/sign-in" class="button secondary">
                  {t(ui.signIn)}
                </A>
              </Show>
            }
          >
            {(s) => (
              <>
                <Show when={s().identity.provinceCode ? kit() : undefined}>
                  {(k) => {
                    const BellIcon = k().Bell;
                    return <BellIcon />;
                  }}
                </Show>
                <span class="who" data-testid="who">
                  {s().identity.name ?? s().identity.email}
                  <Show when={kit()}>{(k) => ` · ${t(k().roleLabel(s().identity.role))}`}</Show>
                </span>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    // Replaces the page signed out from: Back then never returns to it as if still signed in.
                    signOut();
                    navigate('/sign-in', { replace: true });
                  }}
                >
                  {t(ui.signOut)}
                </button>
              </>
            )}
          </Show>
          <button type="button" class="button link" data-testid="lang-switch" onClick={() => setLang(lang() === 'vi' ? 'en' : 'vi')}>
            {t(ui.switchLang)}
          </button>
        </div>
      </header>
      <div class="body">
        <nav ref={nav} id="main-nav" class="sidenav" classList={{ open: menuOpen() }} aria-label={navLabel()}>
          <For each={visibleNav()}>
            {(item) => (
              <A href={item.href} end={item.end} activeClass="active">
                {t(item.label)}
              </A>
            )}
          </For>
          <Show when={session() && kit()}>
            {(k) => {
              const Links = k().PredecessorLinks;
              return <Links variant="nav" />;
            }}
          </Show>
        </nav>
        <main ref={main} class="content" tabindex="-1">
          <Show
            when={ready() && allowed()}
            fallback={
              <p class="muted" role="status">
                {t(ui.loading)}
              </p>
            }
          >
            <Show when={session() && kit()}>
              {(k) => {
                const Banner = k().ReadOnlyBanner;
                return <Banner locality={locality()} />;
              }}
            </Show>
            {props.children}
          </Show>
        </main>
        <SignInAgain />
      </div>
    </div>
  );
}
