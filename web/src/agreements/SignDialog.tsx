import { createEffect, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import { defaultSignatory, partyAgenciesByLevel } from '../../../shared/agreements/parties.js';
import { agencyCodes, type AgreementDetail as Detail, type SignInput } from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import { type Text, t } from '../i18n.js';
import { createAction, Dialog, Field, SubmitButton, AddButton, RemoveButton, Input, DateInput } from '../ui/index.js';
import { AgencySelect, ErrorBox, todayVN, useOwnUnit } from './common.jsx';

/** A signatory's text fields, in the order of a signature block ("TM. …", title, name). */
const signatoryFields: { key: 'onBehalf' | 'title' | 'name'; label: Text; placeholder?: string; required?: boolean }[] = [
  { key: 'onBehalf', label: { vi: 'Thẩm quyền ký', en: 'On behalf of' }, placeholder: 'TM. …' },
  { key: 'title', label: { vi: 'Chức vụ', en: 'Title' }, required: true },
  { key: 'name', label: { vi: 'Họ tên', en: 'Name' }, required: true },
];

/** Signing dialog: date, venue, one signatory per party (pre-filled), in force from signing. */
export function SignDialog(props: { open: boolean; detail: Detail; onClose: () => void; onSigned: () => void }) {
  const a = () => props.detail.agreement;
  // Signature blocks follow the tenant's level: "TM. Thường trực HĐND phường …", "Chủ tịch UBND phường …".
  const unit = useOwnUnit();
  const prefill = () =>
    a().parties.map((p) => {
      const u = unit();
      const d = u ? defaultSignatory(p, u) : { agency: p.agency, onBehalf: `TM. ${p.name}`, title: '' };
      return { ...d, name: '' };
    });
  const [form, setForm] = createStore({
    signedOn: todayVN(),
    place: '',
    inForceFromSigning: true,
    signatories: prefill(),
  });
  let touched = false;
  createEffect(() => {
    if (unit() && !touched) setForm('signatories', prefill());
  });
  const agencyChoices = () => {
    const u = unit();
    return u ? partyAgenciesByLevel[u.level] : agencyCodes;
  };
  const action = createAction();

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body: SignInput = { version: a().version, ...form, signatories: form.signatories.map((s) => ({ ...s })) };
    const done = await action.run(() => api.send(`/api/agreements/${a().id}/sign`, { method: 'POST', body: JSON.stringify(body) }));
    if (done !== undefined) props.onSigned();
  };

  return (
    <Dialog open={props.open} title={{ vi: 'Ký kết văn bản', en: 'Sign the agreement' }} onClose={props.onClose} testId="sign-dialog">
      <form class="form" onSubmit={submit} onInput={() => (touched = true)}>
        <p class="muted" data-testid="sign-consequence">
          {t({
            vi: 'Sau khi ghi nhận ký kết, nội dung văn bản không sửa được nữa; mọi thay đổi phải qua văn bản sửa đổi, bổ sung.',
            en: 'Once the signing is recorded, the text can no longer be edited; any change goes through an amendment.',
          })}
        </p>
        <div class="grid-form">
          <Field label={{ vi: 'Ngày ký', en: 'Signing date' }}>
            <DateInput name="signedOn" required max={todayVN()} value={form.signedOn} onValue={(v) => setForm('signedOn', v)} />
          </Field>
          <Input label={{ vi: 'Địa điểm', en: 'Venue' }} name="place" value={form.place} onInput={(e) => setForm('place', e.currentTarget.value)} />
        </div>
        <h3>{t({ vi: 'Người ký', en: 'Signatories' })}</h3>
        <For each={form.signatories}>
          {(s, i) => (
            <div class="row-edit" data-testid="signatory">
              <AgencySelect choices={agencyChoices()} value={s.agency} onValue={(a) => setForm('signatories', i(), 'agency', a)} />
              <For each={signatoryFields}>
                {(f) => (
                  <input
                    name={`${f.key}-${i()}`}
                    required={f.required}
                    aria-label={t(f.label)}
                    placeholder={f.placeholder ?? t(f.label)}
                    value={s[f.key]}
                    onInput={(e) => setForm('signatories', i(), f.key, e.currentTarget.value)}
                  />
                )}
              </For>
              <RemoveButton onClick={() => setForm('signatories', (list) => list.filter((_, j) => j !== i()))} />
            </div>
          )}
        </For>
        <p>
          <AddButton
            label={{ vi: 'Thêm người ký', en: 'Add signatory' }}
            onClick={() => setForm('signatories', (list) => [...list, { agency: 'OTHER', onBehalf: '', title: '', name: '' }])}
          />
        </p>
        <label class="check">
          <input type="checkbox" checked={form.inForceFromSigning} onChange={(e) => setForm('inForceFromSigning', e.currentTarget.checked)} />
          {t({ vi: 'Có hiệu lực kể từ ngày ký', en: 'In force from the signing date' })}
        </label>
        <p class="muted">
          {t({
            vi: 'Sau khi ký, nội dung chỉ thay đổi được bằng văn bản sửa đổi, bổ sung.',
            en: 'Once signed, the content changes only through an amendment.',
          })}
        </p>
        <ErrorBox error={action.error()} />
        <div class="dialog-actions">
          <SubmitButton label={{ vi: 'Xác nhận ký kết', en: 'Confirm signing' }} busy={action.busy()} data-testid="confirm-sign" />
          <button class="button secondary dialog-cancel" type="button" onClick={() => props.onClose()}>
            {t({ vi: 'Hủy', en: 'Cancel' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
