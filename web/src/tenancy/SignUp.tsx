import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { commonAgencies } from '../../../shared/tenancy/schema.js';
import { api, ApiError } from '../api.js';
import { t, ui } from '../i18n.js';
import './tenancy.css';

type ProvinceItem = { code: string; name: string };
type ProvinceDetail = { province: { code: string; name: string; districts: { code: string; name: string }[] } };
type SignedUp = { tenant: { name: string; provinceName: string; status: string } };

/** Public: a district signs up (province and district from the official list, agency, contact). */
export function SignUp() {
  const [provinceCode, setProvinceCode] = createSignal('');
  const [localityCode, setLocalityCode] = createSignal('');
  const [agency, setAgency] = createSignal('');
  const [contactName, setContactName] = createSignal('');
  const [contactEmail, setContactEmail] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<SignedUp | null>(null);

  const [provinces] = createResource(() => api<{ provinces: ProvinceItem[] }>('/api/localities').then((r) => r.provinces));
  const [province] = createResource(provinceCode, (code) => (code ? api<ProvinceDetail>(`/api/localities/${code}`).then((r) => r.province) : undefined));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { provinceCode: provinceCode(), localityCode: localityCode(), agency: agency(), contactName: contactName(), contactEmail: contactEmail() };
      setDone(await api<SignedUp>('/api/tenancy/signups', { method: 'POST', body: JSON.stringify(body) }));
    } catch (err) {
      setError(err instanceof ApiError ? err.text : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow" style={{ 'max-width': '34rem' }}>
      <h1>{t({ vi: 'Đăng ký đơn vị cấp huyện', en: 'Sign up a district' })}</h1>
      <Show
        when={done()}
        fallback={
          <>
            <p class="muted">
              {t({
                vi: 'Chọn tỉnh/thành phố và quận/huyện theo danh mục hành chính chính thức. Sau khi cấp tỉnh phê duyệt, người liên hệ nhận đường dẫn để tạo tài khoản quản trị của đơn vị.',
                en: 'Pick the province and district from the official list. Once the province approves, the contact gets a link to create the district’s admin account.',
              })}
            </p>
            <form onSubmit={submit} class="form" data-testid="signup-form">
              <label>
                {t({ vi: 'Tỉnh/thành phố', en: 'Province' })}
                <select name="provinceCode" required value={provinceCode()} onChange={(e) => { setProvinceCode(e.currentTarget.value); setLocalityCode(''); }}>
                  <option value="">{t({ vi: '— Chọn tỉnh/thành phố —', en: '— Choose a province —' })}</option>
                  <For each={provinces() ?? []}>{(p) => <option value={p.code}>{p.name}</option>}</For>
                </select>
              </label>
              <label>
                {t({ vi: 'Quận/huyện/thị xã/thành phố thuộc tỉnh', en: 'District' })}
                <select name="localityCode" required disabled={!province()} value={localityCode()} onChange={(e) => setLocalityCode(e.currentTarget.value)}>
                  <option value="">{t({ vi: '— Chọn quận/huyện —', en: '— Choose a district —' })}</option>
                  <For each={province()?.districts ?? []}>{(d) => <option value={d.code}>{d.name}</option>}</For>
                </select>
              </label>
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
              <Show when={error()}>
                <p class="error" role="alert">{error()}</p>
              </Show>
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
