import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { defaultParties, defaultPartyName, partyAgenciesByLevel } from '../../../shared/agreements/parties.js';
import {
  agencyCodes,
  agreementKinds,
  fullTitle,
  kindLabels,
  type AgencyCode,
  type AgreementContentInput,
  type AgreementDetail,
  type AgreementKind,
  type AgreementSummary,
  type Continuable,
  type ContinuesInput,
} from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { agencyName, ErrorBox, errorText, newIdempotencyKey, useOwnUnit } from './common.jsx';

type ItemForm = { title: string; description: string; lead: string; due: string; status: string; progress?: number; placeholder: boolean; evidence: unknown[]; cooperating: string[] };
type Form = {
  kind: AgreementKind;
  number: string;
  title: string;
  year: string;
  termFrom: string;
  termTo: string;
  parties: { agency: AgencyCode; name: string }[];
  areas: string;
  summary: string;
  items: ItemForm[];
  chapters: { title: string; placeholder: boolean; articles: { title: string; text: string; placeholder: boolean }[] }[];
  recipients: string;
  remarks: string;
  /** A commune's program or regulation: the predecessor district's agreement it continues. */
  continues: ContinuesInput | null;
};

const thisYear = new Date().getFullYear();

function emptyForm(): Form {
  return {
    kind: 'program',
    number: '',
    title: `Phối hợp công tác năm ${thisYear}`,
    year: String(thisYear),
    termFrom: '2021',
    termTo: '2026',
    parties: [
      { agency: 'HDND', name: '' },
      { agency: 'UBND', name: '' },
      { agency: 'MTTQ', name: '' },
    ],
    areas: '',
    summary: '',
    items: [],
    chapters: [],
    recipients: '',
    remarks: '',
    continues: null,
  };
}

function formOf(d: AgreementDetail): Form {
  const a = d.agreement;
  return {
    kind: a.kind,
    number: a.number,
    title: a.title,
    year: a.year ? String(a.year) : String(thisYear),
    termFrom: String(a.term?.from ?? 2021),
    termTo: String(a.term?.to ?? 2026),
    parties: a.parties.map((p) => ({ ...p })),
    areas: a.areas.join('\n'),
    summary: a.summary,
    items: d.items.map((i) => ({
      title: i.title,
      description: i.description,
      lead: i.lead ? `${i.lead.agency}|${i.lead.name}` : '',
      due: i.due?.kind === 'date' ? i.due.on : i.due?.kind === 'period' ? i.due.to : '',
      status: i.status,
      progress: i.progress,
      placeholder: i.placeholder,
      evidence: i.evidence,
      cooperating: i.cooperating.map((c) => `${c.agency}|${c.name}`),
    })),
    chapters: d.chapters.map((c) => ({ title: c.title, placeholder: c.placeholder, articles: c.articles.map((x) => ({ title: x.title, text: x.text, placeholder: x.placeholder })) })),
    recipients: a.recipients.join('\n'),
    remarks: a.remarks,
    continues: a.continues ? { provinceCode: a.continues.provinceCode, localityCode: a.continues.localityCode, agreementId: a.continues.agreementId } : null,
  };
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const ref = (v: string) => {
  const [agency, ...name] = v.split('|');
  return { agency: agency as AgencyCode, name: name.join('|') };
};

function contentOf(f: Form): AgreementContentInput {
  const regulation = f.kind === 'regulation';
  return {
    kind: f.kind,
    number: f.number,
    title: f.title,
    parties: f.parties.map((p) => ({ agency: p.agency, name: p.name })),
    term: regulation ? { from: Number(f.termFrom), to: Number(f.termTo) } : null,
    year: regulation ? null : Number(f.year),
    areas: lines(f.areas),
    summary: f.summary,
    chapters: regulation ? f.chapters.map((c) => ({ title: c.title, placeholder: c.placeholder, articles: c.articles.map((x) => ({ ...x })) })) : [],
    items: regulation
      ? []
      : f.items.map((i) => ({
          title: i.title,
          description: i.description,
          lead: i.lead ? ref(i.lead) : null,
          cooperating: i.cooperating.map(ref),
          due: i.due ? { kind: 'date' as const, on: i.due } : null,
          status: i.status as never,
          ...(i.progress !== undefined ? { progress: i.progress } : {}),
          placeholder: i.placeholder,
          evidence: i.evidence as never,
        })),
    recipients: lines(f.recipients),
    remarks: f.remarks,
    continues: f.kind === 'plan' ? null : f.continues,
  };
}

/** Draft editor: new draft (POST with an Idempotency-Key) or a draft's content (PUT with its version). */
export function AgreementEditor() {
  const params = useParams<{ id?: string }>();
  const navigate = useNavigate();
  const [form, setForm] = createStore<Form>(emptyForm());
  const [version, setVersion] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const idempotencyKey = newIdempotencyKey();

  const [loaded] = createResource(
    () => params.id,
    async (id) => {
      const d = await api<AgreementDetail>(`/api/agreements/${id}`);
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
  const [continuable] = createResource(
    () => (unit()?.level === 'commune' ? unit() : false),
    () => api<Continuable>('/api/agreements/continuable'),
  );

  const partyOptions = () => form.parties.filter((p) => p.name.trim()).map((p) => ({ value: `${p.agency}|${p.name}`, label: p.name }));

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const content = contentOf(form);
      const r = params.id
        ? await api<{ agreement: AgreementSummary }>(`/api/agreements/${params.id}`, { method: 'PUT', body: JSON.stringify({ ...content, version: version() }) })
        : await api<{ agreement: AgreementSummary }>('/api/agreements', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: JSON.stringify(content) });
      navigate(`/agreements/${r.agreement.id}`);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <p>
        <A href={params.id ? `/agreements/${params.id}` : '/agreements'}>← {t({ vi: 'Quay lại', en: 'Back' })}</A>
      </p>
      <h1>{params.id ? t({ vi: 'Sửa dự thảo', en: 'Edit draft' }) : t({ vi: 'Soạn văn bản phối hợp mới', en: 'New coordination draft' })}</h1>
      <Show when={session()} fallback={<p>{t({ vi: 'Vui lòng đăng nhập.', en: 'Please sign in.' })}</p>}>
        <Show when={!params.id || loaded()} fallback={<p>{loaded.error ? errorText(loaded.error) : t(ui.loading)}</p>}>
          <form class="form" onSubmit={save} data-testid="agreement-editor">
            <div class="grid-form">
              <label>
                {t({ vi: 'Loại văn bản', en: 'Kind' })}
                <select name="kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as AgreementKind)}>
                  <For each={agreementKinds}>{(k) => <option value={k}>{t(kindLabels[k])}</option>}</For>
                </select>
              </label>
              <label>
                {t({ vi: 'Số, ký hiệu', en: 'Number and symbol' })}
                <input name="number" placeholder="69/QCPH-HĐND-UBND-MTTQ" value={form.number} onInput={(e) => setForm('number', e.currentTarget.value)} />
              </label>
              <Show
                when={form.kind === 'regulation'}
                fallback={
                  <label>
                    {t({ vi: 'Năm', en: 'Year' })}
                    <input name="year" type="number" min="1945" max="2100" required value={form.year} onInput={(e) => setForm('year', e.currentTarget.value)} />
                  </label>
                }
              >
                <label>
                  {t({ vi: 'Nhiệm kỳ từ năm', en: 'Term from' })}
                  <input name="termFrom" type="number" required value={form.termFrom} onInput={(e) => setForm('termFrom', e.currentTarget.value)} />
                </label>
                <label>
                  {t({ vi: 'đến năm', en: 'to' })}
                  <input name="termTo" type="number" required value={form.termTo} onInput={(e) => setForm('termTo', e.currentTarget.value)} />
                </label>
              </Show>
              <label class="wide">
                {t({ vi: 'Trích yếu', en: 'Title' })}
                <input name="title" required value={form.title} onInput={(e) => setForm('title', e.currentTarget.value)} />
              </label>
            </div>

            <h2>{t({ vi: 'Các bên tham gia', en: 'Parties' })}</h2>
            <For each={form.parties}>
              {(p, i) => (
                <div class="row-edit" data-testid="party">
                  <select class="narrow-field" name={`party-agency-${i()}`} value={p.agency} onChange={(e) => pickAgency(i(), e.currentTarget.value as AgencyCode)}>
                    <For each={agencyChoices(p.agency)}>{(c) => <option value={c}>{agencyName(c) || t({ vi: 'Khác', en: 'Other' })}</option>}</For>
                  </select>
                  <input
                    name={`party-${i()}`}
                    required
                    placeholder={t({ vi: `Tên đầy đủ, ví dụ: ${unit() ? defaultPartyName('HDND', unit()!) : 'Thường trực HĐND phường Tây Hồ'}`, en: 'Full name' })} value={p.name} onInput={(e) => setForm('parties', i(), 'name', e.currentTarget.value)} />
                  <button type="button" class="button link" onClick={() => setForm('parties', (l) => l.filter((_, j) => j !== i()))}>
                    {t({ vi: 'Bỏ', en: 'Remove' })}
                  </button>
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
                      setForm('continues', e.currentTarget.value ? { provinceCode: pred().provinceCode, localityCode: pred().localityCode, agreementId: e.currentTarget.value } : null)
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

            <label>
              {t({ vi: 'Lĩnh vực phối hợp (mỗi dòng một lĩnh vực)', en: 'Coordination areas (one per line)' })}
              <textarea name="areas" value={form.areas} onInput={(e) => setForm('areas', e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Phần mở đầu / tóm tắt', en: 'Preamble / summary' })}
              <textarea name="summary" value={form.summary} onInput={(e) => setForm('summary', e.currentTarget.value)} />
            </label>

            <Show
              when={form.kind === 'regulation'}
              fallback={
                <>
                  <h2>{t({ vi: 'Nội dung phối hợp', en: 'Content items' })}</h2>
                  <For each={form.items}>
                    {(it, i) => (
                      <div class="section" data-testid="item-editor">
                        <div class="grid-form">
                          <label class="wide">
                            {t({ vi: 'Nội dung', en: 'Item' })} {i() + 1}
                            <input name={`item-title-${i()}`} required value={it.title} onInput={(e) => setForm('items', i(), 'title', e.currentTarget.value)} />
                          </label>
                          <label class="wide">
                            {t({ vi: 'Mô tả', en: 'Description' })}
                            <textarea name={`item-description-${i()}`} value={it.description} onInput={(e) => setForm('items', i(), 'description', e.currentTarget.value)} />
                          </label>
                          <label>
                            {t({ vi: 'Cơ quan chủ trì', en: 'Lead agency' })}
                            <select name={`item-lead-${i()}`} value={it.lead} onChange={(e) => setForm('items', i(), 'lead', e.currentTarget.value)}>
                              <option value="">—</option>
                              <For each={partyOptions()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
                            </select>
                          </label>
                          <label>
                            {t({ vi: 'Cơ quan phối hợp', en: 'Cooperating' })}
                            <select
                              multiple
                              name={`item-cooperating-${i()}`}
                              onChange={(e) => setForm('items', i(), 'cooperating', [...e.currentTarget.selectedOptions].map((o) => o.value))}
                            >
                              <For each={partyOptions()}>{(o) => <option value={o.value} selected={it.cooperating.includes(o.value)}>{o.label}</option>}</For>
                            </select>
                          </label>
                          <label>
                            {t({ vi: 'Thời hạn', en: 'Due date' })}
                            <input name={`item-due-${i()}`} type="date" value={it.due} onInput={(e) => setForm('items', i(), 'due', e.currentTarget.value)} />
                          </label>
                        </div>
                        <button type="button" class="button link" onClick={() => setForm('items', (l) => l.filter((_, j) => j !== i()))}>
                          {t({ vi: 'Bỏ nội dung này', en: 'Remove this item' })}
                        </button>
                      </div>
                    )}
                  </For>
                  <p>
                    <button
                      type="button"
                      class="button secondary"
                      data-testid="add-item"
                      onClick={() => setForm('items', (l) => [...l, { title: '', description: '', lead: '', due: '', status: 'not_started', placeholder: false, evidence: [], cooperating: [] }])}
                    >
                      + {t({ vi: 'Thêm nội dung', en: 'Add item' })}
                    </button>
                  </p>
                </>
              }
            >
              <h2>{t({ vi: 'Chương, điều', en: 'Chapters and articles' })}</h2>
              <For each={form.chapters}>
                {(ch, c) => (
                  <div class="section">
                    <label>
                      {t({ vi: 'Chương', en: 'Chapter' })} {c() + 1}
                      <input name={`chapter-${c()}`} value={ch.title} onInput={(e) => setForm('chapters', c(), 'title', e.currentTarget.value)} />
                    </label>
                    <For each={ch.articles}>
                      {(art, k) => (
                        <div class="row-edit">
                          <input aria-label={t({ vi: 'Tên điều', en: 'Article title' })} placeholder={t({ vi: 'Tên điều', en: 'Article title' })} value={art.title} onInput={(e) => setForm('chapters', c(), 'articles', k(), 'title', e.currentTarget.value)} />
                          <textarea aria-label={t({ vi: 'Nội dung điều', en: 'Article text' })} value={art.text} onInput={(e) => setForm('chapters', c(), 'articles', k(), 'text', e.currentTarget.value)} />
                          <button type="button" class="button link" onClick={() => setForm('chapters', c(), 'articles', (l) => l.filter((_, j) => j !== k()))}>
                            {t({ vi: 'Bỏ', en: 'Remove' })}
                          </button>
                        </div>
                      )}
                    </For>
                    <button type="button" class="button link" onClick={() => setForm('chapters', c(), 'articles', (l) => [...l, { title: '', text: '', placeholder: false }])}>
                      + {t({ vi: 'Thêm điều', en: 'Add article' })}
                    </button>
                  </div>
                )}
              </For>
              <button type="button" class="button secondary" onClick={() => setForm(produce((f) => void f.chapters.push({ title: '', placeholder: false, articles: [] })))}>
                + {t({ vi: 'Thêm chương', en: 'Add chapter' })}
              </button>
            </Show>

            <label>
              {t({ vi: 'Nơi nhận (mỗi dòng một nơi; để trống: các bên và "Lưu: VT")', en: 'Recipients (one per line; empty: the parties and the file copy)' })}
              <textarea name="recipients" value={form.recipients} onInput={(e) => setForm('recipients', e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Ghi chú nhập liệu', en: 'Data-entry remarks' })}
              <textarea name="remarks" value={form.remarks} onInput={(e) => setForm('remarks', e.currentTarget.value)} />
            </label>
            <ErrorBox error={error()} />
            <div class="actions">
              <button class="button" type="submit" data-testid="save-agreement" disabled={busy()}>
                {t({ vi: 'Lưu dự thảo', en: 'Save draft' })}
              </button>
            </div>
          </form>
        </Show>
      </Show>
    </section>
  );
}
