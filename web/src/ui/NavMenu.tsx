import { useLocation } from '@solidjs/router';
import { createEffect, createSignal, createUniqueId, type JSX, on } from 'solid-js';
import { t, type Text } from '../i18n.js';
import './ui.css';

export const menuText: Text = { vi: 'Danh mục', en: 'Menu' };

/**
 * The navigation on a phone: a "Danh mục / Menu" button that shows and hides the links (closed
 * again after each navigation, Escape closes it and returns focus to the button). On wider screens
 * the button is hidden and the links always show.
 */
export function NavMenu(props: { label: Text; children: JSX.Element; class?: string }) {
  const [open, setOpen] = createSignal(false);
  const id = createUniqueId();
  const location = useLocation();
  let button: HTMLButtonElement | undefined;
  createEffect(
    on(
      () => location.pathname,
      () => setOpen(false),
      { defer: true },
    ),
  );
  return (
    <nav
      class={`nav-menu ${props.class ?? ''}`}
      classList={{ open: open() }}
      aria-label={t(props.label)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open()) {
          setOpen(false);
          button?.focus();
        }
      }}
    >
      <button ref={button} type="button" class="button secondary nav-menu-toggle" aria-expanded={open()} aria-controls={id} onClick={() => setOpen(!open())}>
        ☰ {t(menuText)}
      </button>
      <div class="nav-menu-items" id={id}>
        {props.children}
      </div>
    </nav>
  );
}
