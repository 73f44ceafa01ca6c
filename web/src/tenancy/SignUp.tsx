import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import type * as z from 'zod';
import type { Problem } from '../../../shared/problem.js';
import { provinceListSchema } from '../../../shared/localities/views.js';
import { commonAgencies, signedUpSchema } from '../../../shared/tenancy/schema.js';
import { api, ApiError } from '../api.js';
import { t, ui } from '../i18n.js';
import { ErrorAlert, Field, focusHeading, SubmitButton, Input } from '../ui/index.js';
import { LocalityCombobox } from './LocalityCombobox.jsx';
import './tenancy.css';

import type { LocalityUnit, ProvinceListItem } from '../../../shared/localities/views.js';

export type ProvinceItem = ProvinceListItem;
export type Unit = LocalityUnit;
type SignedUp = z.infer<typeof signedUpSchema>;

/**
 * Public: a commune-level unit (xã, phường, đặc khu) of the current official list signs up. The
 * province is a plain select (34); the unit is a type-ahead over the API (`/api/localities/:province?q=`,
 * names match without diacritics), so the reference data never ships inside the web app.
 */
const fieldLabels = {
  provinceCode: { vi: 'Tỉnh/thành phố', en: 'Province' },
  localityCode: { vi: 'Xã, phường, đặc khu', en: 'Commune, ward or special zone' },
  agency: { vi: 'Cơ quan đăng ký', en: 'Agency' },
  contactName: { vi: 'Họ và tên người liên hệ (quản trị viên đầu tiên)', en: 'Contact name (first admin)' },
  contactEmail: { vi: 'Thư điện tử người liên hệ', en: 'Contact email' },
};

export function SignUp() {
  focusHeading();
  const [provinceCode, setProvinceCode] = createSignal('');
  const [unit, setUnit] = createSignal<Unit | null>(null);
  const [agency, setAgency] = createSignal('');
  const [contactName, setContactName] = createSignal('');
  const [contactEmail, setContactEmail] = createSignal('');
  const [problem, setProblem] = createSignal<Problem | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<SignedUp | null>(null);

  const [provinces] = createResource(() => api.get('/api/localities', provinceListSchema).then((r) => r.provinces));
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
      setDone(await api.post('/api/tenancy/signups', body, signedUpSchema));
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
              <Field label={fieldLabels.provinceCode}>
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
              </Field>
              <LocalityCombobox province={province()} value={unit()} onChange={setUnit} />
              <Field label={fieldLabels.agency}>
                <input name="agency" list="agencies" required value={agency()} onInput={(e) => setAgency(e.currentTarget.value)} />
                <datalist id="agencies">
                  <For each={[...commonAgencies]}>{(a) => <option value={a} />}</For>
                </datalist>
              </Field>
              <Input label={fieldLabels.contactName} name="contactName" required value={contactName()} onInput={(e) => setContactName(e.currentTarget.value)} />
              <Field label={fieldLabels.contactEmail}>
                <input name="contactEmail" type="email" required value={contactEmail()} onInput={(e) => setContactEmail(e.currentTarget.value)} />
              </Field>
              <ErrorAlert error={problem()} labels={fieldLabels} testId="signup-problem" />
              <SubmitButton label={{ vi: 'Gửi đăng ký', en: 'Send sign-up' }} busy={busy()} />
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
