import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { defaultParties, defaultPartyName, partyAgenciesByLevel } from '../../../shared/agreements/parties.js';
import { agencyCodes, fullTitle, agreementDetailSchema, agreementResultSchema, continuableSchema, type AgencyCode } from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import { t, ui } from '../i18n.js';
import { createAction, createDraft, DraftNotice, focusHeading, SubmitButton, RemoveButton, BackLink, TextArea, textBinder } from '../ui/index.js';
import { AgencySelect, ErrorBox, newIdempotencyKey, useOwnUnit } from './common.jsx';
import { ContentEditor } from './ContentEditor.jsx';
import { HeadingFields } from './HeadingFields.jsx';
import { contentOf, emptyForm, type Form, formOf } from './editor-form.js';

/** Draft editor: new draft (POST with an Idempotency-Key) or a draft's content (PUT with its version). */
export function AgreementEditor() {
  focusHeading();
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const [form, setForm] = createStore<Form>(emptyForm());
  const text = textBinder(form, (key, value) => setForm(key, value));
  const [version, setVersion] = createSignal<number | null>(null);
  const action = createAction();
  const idempotencyKey = newIdempotencyKey();

  const [loaded] = createResource(
    () => params.id,
    async (id) => {
      const d = await api.get(`/api/agreements/${id}`, agreementDetailSchema);
      setForm(formOf(d));
      setVersion(d.agreement.version);
      return d;
    },
  );

  // Parties follow the tenant's level: a ward offers its HĐND, UBND, Front and the organisations
  // under the Front, named after the ward; a new draft starts with the three usual parties.
  const unit = useOwnUnit();
  const agencyChoices = (current: AgencyCode): readonly AgencyCode[] => {
    const u = unit();
    const allowed = u ? partyAgenciesByLevel[u.level] : agencyCodes;
    return allowed.includes(current) ? allowed : [current, ...allowed];
  };
  createEffect(() => {
    const u = unit();
    if (u && !params.id && form.parties.every((p) => !p.name.trim())) setForm('parties', defaultParties(u));
  });
  const pickAgency = (i: number, agency: AgencyCode) => {
    const u = unit();
    const p = form.parties[i]!;
    const usual = u ? defaultPartyName(p.agency, u) : '';
    setForm('parties', i, { agency, ...(u && (!p.name.trim() || p.name === usual) ? { name: defaultPartyName(agency, u) } : {}) });
  };
  // After the parties effect: a new draft's default parties are part of what the form starts from.
  const draft = createDraft({
    key: () => `agreement:${params.id ?? 'new'}`,
    form,
    setForm,
    ready: () => (params.id ? !!loaded() : unit() !== undefined),
  });
  const [continuable] = createResource(
    () => (unit()?.level === 'commune' ? unit() : false),
    () => api.get('/api/agreements/continuable', continuableSchema),
  );

  const partyOptions = () => form.parties.filter((p) => p.name.trim()).map((p) => ({ value: `${p.agency}|${p.name}`, label: p.name }));

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    const content = contentOf(form);
    const r = await action.run(() =>
      params.id
        ? api.put(`/api/agreements/${params.id}`, { ...content, version: version() }, agreementResultSchema)
        : api.post('/api/agreements', content, agreementResultSchema, { headers: { 'idempotency-key': idempotencyKey } }),
    );
    if (r) {
      draft.saved();
      navigate(`/agreements/${r.agreement.id}`);
    }
  };

  return (
    <section>
      <BackLink href={params.id ? `/agreements/${params.id}` : '/agreements'} label={{ vi: 'Quay lại', en: 'Back' }} />
      <h1>{params.id ? t({ vi: 'Sửa dự thảo', en: 'Edit draft' }) : t({ vi: 'Soạn văn bản phối hợp mới', en: 'New coordination draft' })}</h1>
      <Show when={!params.id || loaded()} fallback={loaded.error ? <ErrorBox error={loaded.error} /> : <p role="status">{t(ui.loading)}</p>}>
        <DraftNotice draft={draft} />
        <form class="form" onSubmit={save} data-testid="agreement-editor">
          <div class="grid-form">
            <HeadingFields form={form} set={(patch) => setForm(patch)} strict />
            <label class="wide">
              {t({ vi: 'Trích yếu', en: 'Title' })}
              <input
                name="title"
                required
                placeholder={t({ vi: 'vd: phối hợp công tác năm 2026', en: 'e.g. phối hợp công tác năm 2026' })}
                value={form.title}
                onInput={(e) => setForm('title', e.currentTarget.value)}
              />
              <span class="hint" data-testid="full-title">
                {form.title.trim()
                  ? `${t({ vi: 'Tên đầy đủ', en: 'Full title' })}: ${fullTitle({ kind: form.kind, title: form.title })}`
                  : t({ vi: 'Loại văn bản được thêm vào đầu tên, không cần gõ lại.', en: 'The kind is put in front of the title; no need to type it.' })}
              </span>
            </label>
          </div>

          <h2>{t({ vi: 'Các bên tham gia', en: 'Parties' })}</h2>
          <For each={form.parties}>
            {(p, i) => (
              <div class="row-edit" data-testid="party">
                <AgencySelect name={`party-agency-${i()}`} choices={agencyChoices(p.agency)} value={p.agency} onValue={(a) => pickAgency(i(), a)} />
                <input
                  name={`party-${i()}`}
                  required
                  aria-label={t({ vi: `Tên bên thứ ${i() + 1}`, en: `Party ${i() + 1} name` })}
                  placeholder={t({
                    vi: `Tên đầy đủ, ví dụ: ${unit() ? defaultPartyName('HDND', unit()!) : 'Thường trực HĐND phường Tây Hồ'}`,
                    en: 'Full name',
                  })}
                  value={p.name}
                  onInput={(e) => setForm('parties', i(), 'name', e.currentTarget.value)}
                />
                <RemoveButton onClick={() => setForm('parties', (l) => l.filter((_, j) => j !== i()))} />
              </div>
            )}
          </For>
          <p>
            <button type="button" class="button link" onClick={() => setForm('parties', (l) => [...l, { agency: 'OTHER', name: '' }])}>
              + {t({ vi: 'Thêm bên', en: 'Add party' })}
            </button>
          </p>

          <Show when={form.kind !== 'plan' && continuable()?.predecessor}>
            {(pred) => (
              <label data-testid="continues">
                {t({ vi: `Tiếp nối văn bản của ${pred().name} (trước 01/07/2025)`, en: `Continues an agreement of ${pred().name} (before 01/07/2025)` })}
                <select
                  name="continues"
                  value={form.continues?.agreementId ?? ''}
                  onChange={(e) =>
                    setForm(
                      'continues',
                      e.currentTarget.value
                        ? { provinceCode: pred().provinceCode, localityCode: pred().localityCode, agreementId: e.currentTarget.value }
                        : null,
                    )
                  }
                >
                  <option value="">{t({ vi: '— Không —', en: '— None —' })}</option>
                  <For each={continuable()!.items}>
                    {(a) => <option value={a.id}>{`${fullTitle(a)} (${a.period})${a.number ? ` – ${a.number}` : ''}`}</option>}
                  </For>
                </select>
              </label>
            )}
          </Show>

          <TextArea label={{ vi: 'Lĩnh vực phối hợp (mỗi dòng một lĩnh vực)', en: 'Coordination areas (one per line)' }} {...text('areas')} />
          <TextArea label={{ vi: 'Phần mở đầu / tóm tắt', en: 'Preamble / summary' }} {...text('summary')} />

          <ContentEditor form={form} setForm={setForm} partyOptions={partyOptions()} />

          <TextArea
            label={{ vi: 'Nơi nhận (mỗi dòng một nơi; để trống: các bên và "Lưu: VT")', en: 'Recipients (one per line; empty: the parties and the file copy)' }}
            {...text('recipients')}
          />
          <TextArea label={{ vi: 'Ghi chú nhập liệu', en: 'Data-entry remarks' }} {...text('remarks')} />
          <ErrorBox error={action.error()} />
          <div class="actions">
            <SubmitButton label={{ vi: 'Lưu dự thảo', en: 'Save draft' }} busy={action.busy()} data-testid="save-agreement" />
          </div>
        </form>
      </Show>
    </section>
  );
}
