import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { Permission } from '../../../shared/roles.js';
import { allowed, focusHeading } from '../ui/index.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { PredecessorLinks } from '../tenancy/locality.jsx';
import { TenantSummary } from '../tenancy/TenantSummary.jsx';

/** The product's sections; the province roll-up only for those who may read it (as in the menu). */
const cards: { href: string; title: { vi: string; en: string }; text: { vi: string; en: string }; needs?: Permission }[] = [
  {
    href: '/agreements',
    title: ui.nav.agreements,
    text: {
      vi: 'Quy chế phối hợp nhiệm kỳ, chương trình phối hợp công tác năm, ký kết, sơ kết và tổng kết.',
      en: 'Multi-year regulations, annual programs, signing, semi-annual and annual reviews.',
    },
  },
  {
    href: '/supervision',
    title: ui.nav.supervision,
    text: {
      vi: 'Kế hoạch giám sát, phản biện xã hội, kiến nghị và theo dõi giải quyết.',
      en: 'Supervision plans, social criticism, recommendations and their follow-up.',
    },
  },
  {
    href: '/archive',
    title: ui.nav.archive,
    text: {
      vi: 'Lưu trữ văn bản đã ký, kiểm tra toàn vẹn SHA-256, tìm kiếm không dấu.',
      en: 'Signed documents with SHA-256 integrity checks and diacritics-insensitive search.',
    },
  },
  {
    href: '/province',
    title: ui.nav.rollups,
    needs: 'province:read',
    text: {
      vi: 'Tổng hợp tình hình các xã, phường, đặc khu trong tỉnh, cùng hồ sơ các quận, huyện trước 01/07/2025.',
      en: 'Roll-ups across the communes and wards of a province, with the records of its districts before 01/07/2025.',
    },
  },
];

export function Home() {
  focusHeading();
  return (
    <section>
      <h1>{t({ vi: 'Phối Hợp — công tác phối hợp ở địa phương', en: 'Phối Hợp — local coordination work' })}</h1>
      <p class="lead">{t(ui.tagline)}</p>
      <Show
        when={session()}
        fallback={
          <p>
            <A href="/sign-in" class="button">
              {t(ui.signIn)}
            </A>{' '}
            <A href="/sign-up" class="button secondary">
              {t({ vi: 'Đăng ký đơn vị', en: 'Sign up a locality' })}
            </A>
          </p>
        }
      >
        <TenantSummary />
        <PredecessorLinks variant="panel" />
      </Show>
      <ul class="cards" classList={{ plain: !session() }} data-testid="home-cards">
        <For each={cards.filter((c) => !session() || !c.needs || allowed(c.needs))}>
          {(c) => (
            <li data-card={c.href}>
              {/* Signed in, a card is a link to its section (the whole card); signed out it is only a description and does not look like a button. */}
              <Show
                when={session()}
                fallback={
                  <>
                    <h2>{t(c.title)}</h2>
                    <p>{t(c.text)}</p>
                  </>
                }
              >
                <A href={c.href} class="card-link">
                  <h2>{t(c.title)}</h2>
                  <p>{t(c.text)}</p>
                </A>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
