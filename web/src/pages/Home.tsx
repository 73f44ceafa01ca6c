import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { PredecessorLinks } from '../tenancy/locality.jsx';
import { TenantSummary } from '../tenancy/TenantSummary.jsx';

export function Home() {
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
      <ul class="cards">
        <li>
          <h2>{t(ui.nav.agreements)}</h2>
          <p>{t({ vi: 'Quy chế phối hợp nhiệm kỳ, chương trình phối hợp công tác năm, ký kết, sơ kết và tổng kết.', en: 'Multi-year regulations, annual programs, signing, semi-annual and annual reviews.' })}</p>
        </li>
        <li>
          <h2>{t(ui.nav.supervision)}</h2>
          <p>{t({ vi: 'Kế hoạch giám sát, phản biện xã hội, kiến nghị và theo dõi giải quyết.', en: 'Supervision plans, social criticism, recommendations and their follow-up.' })}</p>
        </li>
        <li>
          <h2>{t(ui.nav.archive)}</h2>
          <p>{t({ vi: 'Lưu trữ văn bản đã ký, kiểm tra toàn vẹn SHA-256, tìm kiếm không dấu.', en: 'Signed documents with SHA-256 integrity checks and diacritics-insensitive search.' })}</p>
        </li>
        <li>
          <h2>{t(ui.nav.rollups)}</h2>
          <p>{t({ vi: 'Tổng hợp tình hình các xã, phường, đặc khu trong tỉnh, cùng hồ sơ các quận, huyện trước 01/07/2025.', en: 'Roll-ups across the communes and wards of a province, with the records of its districts before 01/07/2025.' })}</p>
        </li>
      </ul>
    </section>
  );
}
