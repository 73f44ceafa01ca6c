import { useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import {
  fullTitle,
  itemStatuses,
  itemStatusInfo,
  reviewTitle,
  agreementDetailSchema,
  type ItemStatus,
  type ReviewInput,
} from '../../../shared/agreements/schema.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { createAction, createDraft, DraftNotice, Field, focusHeading, SubmitButton, Input, DateInput, BackLink } from '../ui/index.js';
import { ErrorBox, todayVN } from './common.jsx';

type Form = {
  year: string;
  half: 'H1' | 'Y';
  number: string;
  heldOn: string;
  place: string;
  reportedBy: string;
  results: { no: number; title: string; result: string; status: '' | ItemStatus; progress: string }[];
  achievements: string;
  shortcomings: string;
  priorities: string;
  discussion: string;
  decidedBy: string;
  collectives: string;
  collectiveNames: string;
  individuals: string;
  individualNames: string;
  remarks: string;
};

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Sơ kết 6 tháng / tổng kết năm: results per item, achievements, shortcomings, priorities, commendations. */
export function ReviewEditor() {
  focusHeading();
  const params = useParams<{ id: string; period: string }>();
  const navigate = useNavigate();
  const isNew = () => params.period === 'new';
  const [form, setForm] = createStore<Form>({
    year: String(new Date().getFullYear()),
    half: 'H1',
    number: '',
    heldOn: todayVN(),
    place: '',
    reportedBy: '',
    results: [],
    achievements: '',
    shortcomings: '',
    priorities: '',
    discussion: '',
    decidedBy: '',
    collectives: '0',
    collectiveNames: '',
    individuals: '0',
    individualNames: '',
    remarks: '',
  });
  const [version, setVersion] = createSignal<number | undefined>(undefined);
  const action = createAction();

  const [detail] = createResource(
    () => params.id,
    async (id) => {
      const d = await api.get(`/api/agreements/${id}`, agreementDetailSchema);
      const existing = d.reviews.find((r) => r.period === params.period);
      const year = existing?.year ?? Math.min(Math.max(new Date().getFullYear(), d.agreement.yearFrom), d.agreement.yearTo);
      setForm({
        year: String(year),
        half: existing ? (existing.kind === 'semiannual' ? 'H1' : 'Y') : 'H1',
        results: d.items.map((it) => {
          const r = existing?.itemResults.find((x) => x.no === it.no);
          return {
            no: it.no,
            title: it.title,
            result: r?.result ?? '',
            // A new review starts from where each item stands today.
            status: r?.status ?? (existing ? '' : it.status),
            progress: r?.progress !== undefined ? String(r.progress) : existing ? '' : String(it.progress),
          };
        }),
      });
      if (existing) {
        setVersion(existing.version);
        setForm({
          number: existing.number,
          heldOn: existing.heldOn,
          place: existing.place,
          reportedBy: existing.reportedBy,
          achievements: existing.achievements,
          shortcomings: existing.shortcomings,
          priorities: existing.priorities,
          discussion: existing.discussion,
          decidedBy: existing.commendations.decidedBy,
          collectives: String(existing.commendations.collectives.count),
          collectiveNames: existing.commendations.collectives.names.join('\n'),
          individuals: String(existing.commendations.individuals.count),
          individualNames: existing.commendations.individuals.names.join('\n'),
          remarks: existing.remarks,
        });
      }
      return d;
    },
  );

  const period = () => (isNew() ? `${form.year}-${form.half}` : params.period);
  const draft = createDraft({ key: () => `review:${params.id}:${params.period}`, form, setForm, ready: () => !!detail() });

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    {
      const body: ReviewInput = {
        ...(version() ? { version: version() } : {}),
        number: form.number,
        heldOn: form.heldOn,
        place: form.place,
        reportedBy: form.reportedBy,
        itemResults: form.results
          .filter((r) => r.result.trim() || r.status || r.progress !== '')
          .map((r) => ({
            no: r.no,
            result: r.result,
            ...(r.status ? { status: r.status } : {}),
            ...(r.progress !== '' ? { progress: Number(r.progress) } : {}),
          })),
        achievements: form.achievements,
        shortcomings: form.shortcomings,
        priorities: form.priorities,
        discussion: form.discussion,
        commendations: {
          decidedBy: form.decidedBy,
          collectives: { count: Number(form.collectives || 0), names: lines(form.collectiveNames) },
          individuals: { count: Number(form.individuals || 0), names: lines(form.individualNames) },
        },
        remarks: form.remarks,
      };
      const saved = await action.run(() => api.send(`/api/agreements/${params.id}/reviews/${period()}`, { method: 'PUT', body: JSON.stringify(body) }));
      if (saved !== undefined) {
        draft.saved();
        navigate(`/agreements/${params.id}`);
      }
    }
  };

  const area = (key: 'achievements' | 'shortcomings' | 'priorities' | 'discussion' | 'remarks', label: { vi: string; en: string }) => (
    <label class="wide">
      {t(label)}
      <textarea name={key} value={form[key]} onInput={(e) => setForm(key, e.currentTarget.value)} />
    </label>
  );

  return (
    <section>
      <BackLink href={`/agreements/${params.id}`} label={{ vi: 'Quay lại văn bản', en: 'Back to the agreement' }} />
      <Show when={detail()} fallback={detail.error ? <ErrorBox error={detail.error} /> : <p role="status">{t(ui.loading)}</p>}>
        {(d) => (
          <>
            <h1>{isNew() ? t({ vi: 'Sơ kết, tổng kết', en: 'Write a review' }) : reviewTitle(params.period, lang())}</h1>
            <p class="muted">{fullTitle(d().agreement, lang())}</p>
            <DraftNotice draft={draft} />
            <form class="form" onSubmit={save} data-testid="review-editor">
              <div class="grid-form">
                <Show when={isNew()}>
                  <Field label={{ vi: 'Loại', en: 'Kind' }}>
                    <select name="half" value={form.half} onChange={(e) => setForm('half', e.currentTarget.value as 'H1' | 'Y')}>
                      <option value="H1">{t({ vi: 'Sơ kết 6 tháng đầu năm', en: 'Half-year review' })}</option>
                      <option value="Y">{t({ vi: 'Tổng kết năm', en: 'Annual review' })}</option>
                    </select>
                  </Field>
                  <Field label={{ vi: 'Năm', en: 'Year' }}>
                    <input
                      name="year"
                      type="number"
                      min={d().agreement.yearFrom}
                      max={d().agreement.yearTo}
                      value={form.year}
                      onInput={(e) => setForm('year', e.currentTarget.value)}
                    />
                  </Field>
                </Show>
                <Field label={{ vi: 'Ngày hội nghị', en: 'Held on' }}>
                  <DateInput name="heldOn" required value={form.heldOn} onValue={(v) => setForm('heldOn', v)} />
                </Field>
                <Input label={{ vi: 'Địa điểm', en: 'Venue' }} name="place" value={form.place} onInput={(e) => setForm('place', e.currentTarget.value)} />
                <Field label={{ vi: 'Số, ký hiệu báo cáo', en: 'Report number' }}>
                  <input name="number" value={form.number} onInput={(e) => setForm('number', e.currentTarget.value)} />
                </Field>
                <Field label={{ vi: 'Người trình bày báo cáo', en: 'Presented by' }}>
                  <input name="reportedBy" value={form.reportedBy} onInput={(e) => setForm('reportedBy', e.currentTarget.value)} />
                </Field>
              </div>

              <Show when={form.results.length}>
                <h2>{t({ vi: 'Kết quả từng nội dung', en: 'Result per item' })}</h2>
                <For each={form.results}>
                  {(r, i) => (
                    <div class="row-edit" data-testid="item-result">
                      <span style={{ flex: '2' }}>
                        {r.no}. {r.title}
                      </span>
                      <input
                        name={`result-${r.no}`}
                        style={{ flex: '3' }}
                        aria-label={t({ vi: `Kết quả nội dung ${r.no}`, en: `Result of item ${r.no}` })}
                        placeholder={t({ vi: 'Kết quả', en: 'Result' })}
                        value={r.result}
                        onInput={(e) => setForm('results', i(), 'result', e.currentTarget.value)}
                      />
                      <select
                        class="narrow-field"
                        name={`result-status-${r.no}`}
                        aria-label={t({ vi: `Tình trạng nội dung ${r.no}`, en: `Status of item ${r.no}` })}
                        value={r.status}
                        onChange={(e) => setForm('results', i(), 'status', e.currentTarget.value as ItemStatus)}
                      >
                        <option value="">—</option>
                        <For each={itemStatuses}>{(s) => <option value={s}>{t(itemStatusInfo[s])}</option>}</For>
                      </select>
                      <input
                        class="narrow-field"
                        name={`result-progress-${r.no}`}
                        aria-label={t({ vi: `Tiến độ nội dung ${r.no} (%)`, en: `Progress of item ${r.no} (%)` })}
                        type="number"
                        min="0"
                        max="100"
                        placeholder="%"
                        value={r.progress}
                        onInput={(e) => setForm('results', i(), 'progress', e.currentTarget.value)}
                      />
                    </div>
                  )}
                </For>
              </Show>

              <div class="grid-form">
                {area('achievements', { vi: 'Kết quả đạt được', en: 'Achievements' })}
                {area('shortcomings', { vi: 'Tồn tại, hạn chế', en: 'Shortcomings' })}
                {area('priorities', { vi: 'Nhiệm vụ trọng tâm thời gian tới', en: 'Next priorities' })}
                {area('discussion', { vi: 'Ý kiến tham luận, thảo luận', en: 'Discussion' })}
              </div>

              <h2>{t({ vi: 'Khen thưởng', en: 'Commendations' })}</h2>
              <div class="grid-form">
                <Field label={{ vi: 'Cơ quan quyết định', en: 'Decided by' }}>
                  <input name="decidedBy" value={form.decidedBy} onInput={(e) => setForm('decidedBy', e.currentTarget.value)} />
                </Field>
                <Field label={{ vi: 'Số tập thể', en: 'Collectives' }}>
                  <input name="collectives" type="number" min="0" value={form.collectives} onInput={(e) => setForm('collectives', e.currentTarget.value)} />
                </Field>
                <Field label={{ vi: 'Số cá nhân', en: 'Individuals' }}>
                  <input name="individuals" type="number" min="0" value={form.individuals} onInput={(e) => setForm('individuals', e.currentTarget.value)} />
                </Field>
                <label class="wide">
                  {t({ vi: 'Tên tập thể (mỗi dòng một tên)', en: 'Collectives’ names (one per line)' })}
                  <textarea name="collectiveNames" value={form.collectiveNames} onInput={(e) => setForm('collectiveNames', e.currentTarget.value)} />
                </label>
                <label class="wide">
                  {t({ vi: 'Tên cá nhân (mỗi dòng một tên)', en: 'Individuals’ names (one per line)' })}
                  <textarea name="individualNames" value={form.individualNames} onInput={(e) => setForm('individualNames', e.currentTarget.value)} />
                </label>
                {area('remarks', { vi: 'Ghi chú nhập liệu', en: 'Data-entry remarks' })}
              </div>
              <ErrorBox error={action.error()} />
              <div class="actions">
                <SubmitButton label={{ vi: 'Lưu báo cáo', en: 'Save the review' }} busy={action.busy()} data-testid="save-review" />
              </div>
            </form>
          </>
        )}
      </Show>
    </section>
  );
}
