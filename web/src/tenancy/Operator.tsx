import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { provinceListSchema } from '../../../shared/localities/views.js';
import { type Tenant, type TenantStatus, tenantListSchema } from '../../../shared/tenancy/schema.js';
import { type InvitationCreated, provinceOnboardedSchema } from '../../../shared/users/schema.js';
import { api } from '../api.js';
import { t, type Text } from '../i18n.js';
import {
  type Table,
  ConfirmDialog,
  createAction,
  createPagedList,
  pageUrl,
  ErrorAlert,
  Field,
  GatedPage,
  Input,
  PagedTable,
  SubmitButton,
} from '../ui/index.js';
import { InvitationLink } from './InvitationLink.jsx';
import { TenantStatusFilter } from './TenantStatusFilter.jsx';
import { tenantStatusLabels } from './labels.js';
import './tenancy.css';

/** What onboarding a province creates, and who hands the link over. */
const onboardingExplained: Text = {
  vi: 'Chọn tỉnh, thành phố theo danh mục hành chính hiện hành. Hệ thống tạo đơn vị cấp tỉnh và lời mời cho quản trị viên đầu tiên; bạn chuyển đường dẫn mời cho người đó.',
  en: 'Pick the province from the current official list. The system creates the province tenant and an invitation for its first admin; you hand the link over.',
};

const fieldLabels = {
  provinceCode: { vi: 'Tỉnh, thành phố', en: 'Province' },
  adminEmail: { vi: 'Thư điện tử của quản trị viên cấp tỉnh', en: 'Province admin’s email' },
  adminName: { vi: 'Họ và tên quản trị viên', en: 'Admin’s name' },
};

const kindLabels: Record<Tenant['kind'], { vi: string; en: string }> = {
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
  district: { vi: 'Quận, huyện (trước 01/07/2025)', en: 'District (before 01/07/2025)' },
};

/**
 * Platform operator: onboard a province (its tenant and the invitation of its first province admin,
 * whose link is handed over by hand) and browse every tenant of the platform by province and status.
 */
export function OperatorPage() {
  const [refresh, setRefresh] = createSignal(0);
  return (
    <GatedPage title={{ vi: 'Vận hành: các đơn vị trên hệ thống', en: 'Operations: tenants of the platform' }} needs="platform:operate">
      <OnboardProvince onOnboarded={() => setRefresh((n) => n + 1)} />
      <TenantList refresh={refresh()} />
    </GatedPage>
  );
}

function OnboardProvince(props: { onOnboarded: () => void }) {
  const [provinces] = createResource(() => api.get('/api/localities', provinceListSchema).then((r) => r.provinces));
  const [provinceCode, setProvinceCode] = createSignal('');
  const [adminEmail, setAdminEmail] = createSignal('');
  const [adminName, setAdminName] = createSignal('');
  const [confirming, setConfirming] = createSignal(false);
  const [done, setDone] = createSignal<{ province: string; invitation: InvitationCreated } | null>(null);
  const action = createAction();
  const provinceName = () => provinces()?.find((p) => p.code === provinceCode())?.name ?? '';

  const onboard = async () => {
    const body = { provinceCode: provinceCode(), adminEmail: adminEmail(), adminName: adminName() };
    const res = await action.run(() => api.post('/api/tenancy/provinces', body, provinceOnboardedSchema));
    setConfirming(false);
    if (!res) return;
    setDone({ province: res.tenant.name, invitation: res.invitation });
    setProvinceCode('');
    setAdminEmail('');
    setAdminName('');
    props.onOnboarded();
  };

  return (
    <>
      <h2>{t({ vi: 'Tạo đơn vị cấp tỉnh', en: 'Onboard a province' })}</h2>
      <p class="hint">{t(onboardingExplained)}</p>
      <form
        class="form narrow"
        data-testid="onboard-form"
        onSubmit={(e) => {
          e.preventDefault();
          action.setError(null);
          setDone(null);
          setConfirming(true);
        }}
      >
        <Field label={fieldLabels.provinceCode}>
          <select name="provinceCode" required value={provinceCode()} onChange={(e) => setProvinceCode(e.currentTarget.value)}>
            <option value="">{t({ vi: '— Chọn tỉnh/thành phố —', en: '— Choose a province —' })}</option>
            <For each={provinces() ?? []}>
              {(p) => (
                <option value={p.code}>
                  {p.name} ({p.code})
                </option>
              )}
            </For>
          </select>
        </Field>
        <Input
          label={fieldLabels.adminEmail}
          name="adminEmail"
          type="email"
          required
          value={adminEmail()}
          onInput={(e) => setAdminEmail(e.currentTarget.value)}
        />
        <Input label={fieldLabels.adminName} name="adminName" required value={adminName()} onInput={(e) => setAdminName(e.currentTarget.value)} />
        <Show when={!confirming()}>
          <ErrorAlert error={action.error()} labels={fieldLabels} testId="onboard-problem" />
        </Show>
        <SubmitButton label={{ vi: 'Tạo đơn vị và lời mời', en: 'Create tenant and invitation' }} busy={action.busy()} />
      </form>
      <Show when={done()}>
        {(d) => (
          <>
            <p class="ok" role="status">
              {t({ vi: 'Đã tạo đơn vị', en: 'Created the tenant of' })} {d().province}.
            </p>
            <InvitationLink link={d().invitation.link} email={d().invitation.invitation.email} />
          </>
        )}
      </Show>
      <ConfirmDialog
        open={confirming()}
        title={{ vi: 'Tạo đơn vị cấp tỉnh', en: 'Onboard the province' }}
        message={{
          vi: `${provinceName()} sẽ có đơn vị trên hệ thống (đang hoạt động) và ${adminEmail()} nhận lời mời làm quản trị viên cấp tỉnh. Mỗi tỉnh chỉ tạo được một lần.`,
          en: `${provinceName()} gets its tenant (active) and ${adminEmail()} is invited as its province admin. A province can be onboarded only once.`,
        }}
        confirmLabel={{ vi: 'Tạo đơn vị', en: 'Create' }}
        action={action}
        onConfirm={() => void onboard()}
        onCancel={() => setConfirming(false)}
        testId="onboard-dialog"
        confirmTestId="onboard-confirm"
      />
    </>
  );
}

function TenantList(props: { refresh: number }) {
  const [current] = createResource(() => api.get('/api/localities', provinceListSchema).then((r) => r.provinces));
  const [former] = createResource(() =>
    api.get('/api/localities?list=2025-03', provinceListSchema).then((r) => r.provinces.filter((p) => p.successor !== p.code)),
  );
  const [province, setProvince] = createSignal('');
  const [status, setStatus] = createSignal<TenantStatus | ''>('');
  // A new object each time, so that a new province reloads the list even when the filters stay.
  const query = createMemo(() => {
    const q = new URLSearchParams();
    if (province()) q.set('province', province());
    if (status()) q.set('status', status());
    return { params: q.toString(), refresh: props.refresh };
  });
  const list = createPagedList(query, (q, cursor) => api.get(pageUrl('/api/tenancy/tenants', q.params, cursor), tenantListSchema));

  const tenantTable: Table<Tenant> = {
    columns: [
      {
        id: 'name',
        header: { vi: 'Đơn vị', en: 'Tenant' },
        cell: (tn) => (
          <>
            <strong>{tn.name}</strong>
            <div class="hint">
              {tn.provinceCode}
              {tn.localityCode ? `/${tn.localityCode}` : ''} · {t(kindLabels[tn.kind])}
            </div>
          </>
        ),
      },
      { id: 'province', header: { vi: 'Tỉnh, thành phố', en: 'Province' }, cell: (tn) => tn.provinceName },
      {
        id: 'status',
        header: { vi: 'Trạng thái', en: 'Status' },
        cell: (tn) => <span class={`badge ${tn.status}`}>{t(tenantStatusLabels[tn.status])}</span>,
      },
      { id: 'created', header: { vi: 'Ngày tạo', en: 'Created' }, cell: (tn) => formatDate(tn.createdAt) },
    ],
    label: { vi: 'Các đơn vị trên hệ thống', en: 'Tenants of the platform' },
    testId: 'tenants',
    emptyTestId: 'no-tenants',
    empty: { vi: 'Không có đơn vị nào phù hợp.', en: 'No tenants match.' },
    rowAttrs: (tn) => ({ 'data-tenant': `${tn.provinceCode}/${tn.localityCode ?? 'P'}` }),
  };

  return (
    <>
      <h2>{t({ vi: 'Danh sách đơn vị', en: 'Tenants' })}</h2>
      <div class="filters" data-testid="tenant-filters">
        <Field label={{ vi: 'Tỉnh, thành phố', en: 'Province' }}>
          <select name="province" value={province()} onChange={(e) => setProvince(e.currentTarget.value)}>
            <option value="">{t({ vi: 'Tất cả', en: 'All' })}</option>
            <For each={current() ?? []}>{(p) => <option value={p.code}>{p.name}</option>}</For>
            <Show when={(former() ?? []).length > 0}>
              <optgroup label={t({ vi: 'Trước 01/07/2025 (đã hợp nhất)', en: 'Before 01/07/2025 (merged)' })}>
                <For each={former() ?? []}>{(p) => <option value={p.code}>{p.name}</option>}</For>
              </optgroup>
            </Show>
          </select>
        </Field>
        <TenantStatusFilter value={status()} onChange={setStatus} />
      </div>
      <PagedTable list={list} {...tenantTable} moreTestId="tenants-more" />
    </>
  );
}
