import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js';
import type { Problem } from '../../../shared/problem.js';
import { commonAgencies } from '../../../shared/tenancy/schema.js';
import { api, ApiError } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import './tenancy.css';

type ProvinceItem = { code: string; name: string; localityCount: number };
type Unit = { code: string; name: string; type: string };
type SignedUp = { tenant: { name: string; provinceName: string; status: string } };

/** How many matches the type-ahead shows at once (Thành phố Hồ Chí Minh alone has 168 units). */
const SHOWN = 12;

/**
 * Public: a commune-level unit (xã, phường, đặc khu) of the current official list signs up. The
 * province is a plain select (34); the unit is a type-ahead over the API (`/api/localities/:province?q=`,
 * names match without diacritics), so the reference data never ships inside the web app.
 */
export function SignUp() {
  const [provinceCode, setProvinceCode] = createSignal('');
  const [unit, setUnit] = createSignal<Unit | null>(null);
  const [agency, setAgency] = createSignal('');
  const [contactName, setContactName] = createSignal('');
  const [contactEmail, setContactEmail] = createSignal('');
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<SignedUp | null>(null);

  const [provinces] = createResource(() => api<{ provinces: ProvinceItem[] }>('/api/localities').then((r) => r.provinces));
  const province = () => provinces()?.find((p) => p.code === provinceCode());

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setProblem(null);
    const u = unit();
    if (!u) {
      setProblem({
        type: 'urn:phoi-hop:problem:validation',
        status: 400,
        title: 'Choose your commune, ward or special zone from the list',
        title_vi: 'Hãy chọn xã, phường hoặc đặc khu trong danh sách',
      });
      document.getElementById('signup-locality')?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = { provinceCode: provinceCode(), localityCode: u.code, agency: agency(), contactName: contactName(), contactEmail: contactEmail() };
      setDone(await api<SignedUp>('/api/tenancy/signups', { method: 'POST', body: JSON.stringify(body) }));
    } catch (err) {
      setProblem(err instanceof ApiError ? err.problem : { type: 'about:blank', status: 0, title: String(err), title_vi: String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow" style={{ 'max-width': '34rem' }}>
      <h1>{t({ vi: 'Đăng ký đơn vị cấp xã', en: 'Sign up a commune-level unit' })}</h1>
      <Show
        when={done()}
        fallback={
          <>
            <p class="muted">
              {t({
                vi: 'Chọn tỉnh/thành phố và xã, phường, đặc khu theo danh mục hành chính hiện hành (chính quyền địa phương hai cấp từ 01/07/2025). Sau khi cấp tỉnh phê duyệt, người liên hệ nhận đường dẫn để tạo tài khoản quản trị của đơn vị.',
                en: 'Pick the province and the commune, ward or special zone from the current official list (two-level local government since 01/07/2025). Once the province approves, the contact gets a link to create the unit’s admin account.',
              })}
            </p>
            <form onSubmit={submit} class="form" data-testid="signup-form" novalidate={false}>
              <label>
                {t({ vi: 'Tỉnh/thành phố', en: 'Province' })}
                <select
                  name="provinceCode"
                  required
                  value={provinceCode()}
                  onChange={(e) => {
                    setProvinceCode(e.currentTarget.value);
                    setUnit(null);
                  }}
                >
                  <option value="">{t({ vi: '— Chọn tỉnh/thành phố —', en: '— Choose a province —' })}</option>
                  <For each={provinces() ?? []}>{(p) => <option value={p.code}>{p.name}</option>}</For>
                </select>
              </label>
              <LocalityCombobox province={province()} value={unit()} onChange={setUnit} />
              <label>
                {t({ vi: 'Cơ quan đăng ký', en: 'Agency' })}
                <input name="agency" list="agencies" required value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
                <datalist id="agencies">
                  <For each={[...commonAgencies]}>{(a) => <option value={a} />}</For>
                </datalist>
              </label>
              <label>
                {t({ vi: 'Họ và tên người liên hệ (quản trị viên đầu tiên)', en: 'Contact name (first admin)' })}
                <input name="contactName" required value={contactName()} onInput={(e) => setContactName(e.currentTarget.value)} />
              </label>
              <label>
                {t({ vi: 'Thư điện tử người liên hệ', en: 'Contact email' })}
                <input name="contactEmail" type="email" required value={contactEmail()} onInput={(e) => setContactEmail(e.currentTarget.value)} />
              </label>
              <Show when={problem()}>{(p) => <ProblemBox problem={p()} />}</Show>
              <button class="button" type="submit" disabled={busy()}>
                {t({ vi: 'Gửi đăng ký', en: 'Send sign-up' })}
              </button>
            </form>
          </>
        }
      >
        {(d) => (
          <div class="panel success" data-testid="signup-done">
            <p>
              {t({ vi: 'Đã gửi đăng ký của', en: 'Sign-up sent for' })} <strong>{d().tenant.name}</strong> ({d().tenant.provinceName}).
            </p>
            <p>
              {t({
                vi: 'Trạng thái: chờ duyệt. Quản trị viên cấp tỉnh sẽ xem xét; khi được duyệt, tỉnh chuyển cho người liên hệ đường dẫn tạo tài khoản.',
                en: 'Status: pending. The province admin will review it; once approved, the province hands the contact a link to create the account.',
              })}
            </p>
            <A href="/sign-in">{t(ui.signIn)}</A>
          </div>
        )}
      </Show>
    </section>
  );
}

/** A refused request: the problem's title, its detail (e.g. where a ceased district's successors are) and field errors. */
export function ProblemBox(props: { problem: Problem }) {
  const vi = () => lang() === 'vi';
  const title = () => (vi() ? props.problem.title_vi : props.problem.title);
  const detail = () => (vi() ? props.problem.detail_vi : props.problem.detail);
  return (
    <div class="problem" role="alert" data-testid="signup-problem" data-problem-type={props.problem.type}>
      <strong>{title()}</strong>
      <Show when={detail() && detail() !== title()}>
        <p>{detail()}</p>
      </Show>
      <Show when={props.problem.errors?.length}>
        <ul>
          <For each={props.problem.errors}>{(e) => <li>{vi() ? e.message_vi : e.message_en}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}

/**
 * WAI-ARIA combobox with a list box: type part of the name (accents optional) or the code; ↓/↑ move,
 * Enter picks, Esc closes. The API does the diacritics-insensitive matching.
 */
function LocalityCombobox(props: { province: ProvinceItem | undefined; value: Unit | null; onChange: (u: Unit | null) => void }) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  // A new province starts the search afresh.
  createEffect(
    on(
      () => props.province?.code,
      () => {
        setText('');
        setQuery('');
        setOpen(false);
      },
      { defer: true },
    ),
  );

  const [matches] = createResource(
    () => (props.province ? { p: props.province.code, q: query() } : false),
    ({ p, q }) =>
      api<{ localities: Unit[] }>(`/api/localities/${p}?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(SHOWN + 1) })}`).then((r) => r.localities),
  );
  const shown = () => (matches.error ? [] : (matches.latest ?? []).slice(0, SHOWN));
  const more = () => (matches.latest?.length ?? 0) > SHOWN;

  const type = (value: string) => {
    setText(value);
    props.onChange(null);
    setOpen(true);
    setActive(0);
    clearTimeout(timer);
    timer = setTimeout(() => setQuery(value.trim()), 150);
  };
  const pick = (u: Unit) => {
    props.onChange(u);
    setText(u.name);
    setOpen(false);
  };
  const keydown = (e: KeyboardEvent) => {
    const list = shown();
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open()) setOpen(true);
      else setActive((i) => Math.min(i + 1, list.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      if (open() && list[active()]) {
        e.preventDefault();
        pick(list[active()]!);
      }
    } else if (e.key === 'Escape') {
      if (open()) {
        e.preventDefault();
        setOpen(false);
      }
    }
  };
  const optionId = (code: string) => `signup-locality-${code}`;

  return (
    <div class="combo">
      <label for="signup-locality">{t({ vi: 'Xã, phường, đặc khu', en: 'Commune, ward or special zone' })}</label>
      <div class="combo-field">
        <input
          id="signup-locality"
          name="locality"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open() && shown().length > 0}
          aria-controls="signup-locality-options"
          aria-activedescendant={open() && shown()[active()] ? optionId(shown()[active()]!.code) : undefined}
          aria-describedby="signup-locality-hint"
          disabled={!props.province}
          placeholder={t({ vi: 'Gõ tên, không cần dấu (vd: ngoc ha)', en: 'Type the name, accents optional (e.g. ngoc ha)' })}
          value={text()}
          onInput={(e) => type(e.currentTarget.value)}
          onFocus={() => props.province && !props.value && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={keydown}
        />
        <Show when={open() && shown().length > 0}>
          <ul
            id="signup-locality-options"
            role="listbox"
            class="combo-list"
            data-testid="locality-options"
            aria-label={t({ vi: 'Đơn vị phù hợp', en: 'Matching units' })}
          >
            <For each={shown()}>
              {(u, i) => (
                <li
                  id={optionId(u.code)}
                  role="option"
                  aria-selected={i() === active()}
                  classList={{ active: i() === active() }}
                  data-code={u.code}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(u);
                  }}
                  onMouseEnter={() => setActive(i())}
                >
                  {u.name} <span class="muted">· {u.code}</span>
                </li>
              )}
            </For>
            <Show when={more()}>
              <li class="muted combo-more" aria-hidden="true">
                {t({ vi: 'Gõ thêm để thu hẹp…', en: 'Type more to narrow down…' })}
              </li>
            </Show>
          </ul>
        </Show>
      </div>
      <p id="signup-locality-hint" class="hint" data-testid="locality-hint" aria-live="polite">
        <Show
          when={props.value}
          fallback={
            <Show when={props.province} fallback={t({ vi: 'Chọn tỉnh/thành phố trước.', en: 'Choose the province first.' })}>
              {(p) =>
                open() && query() && !matches.loading && shown().length === 0
                  ? t({ vi: 'Không có đơn vị nào khớp.', en: 'No unit matches.' })
                  : t({ vi: `${p().name} có ${p().localityCount} đơn vị cấp xã.`, en: `${p().name} has ${p().localityCount} commune-level units.` })
              }
            </Show>
          }
        >
          {(u) => (
            <span data-testid="locality-chosen">
              {t({ vi: 'Đã chọn', en: 'Chosen' })}: <strong>{u().name}</strong> ({t({ vi: 'mã', en: 'code' })} {u().code})
            </span>
          )}
        </Show>
      </p>
    </div>
  );
}
