import { A, useParams } from '@solidjs/router';
import { createResource, createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { formatDate } from '../../../shared/format.js';
import {
  findingKindLabels,
  methodLabels,
  ownerBodyLabels,
  planStatusActions,
  planStatusLabels,
  planTypeLabels,
  recommendationStatusLabels,
} from '../../../shared/supervision/labels.js';
import { planTransitions, REPORT_DUE_DAYS, statusesAcceptingFindings } from '../../../shared/supervision/rules.js';
import { findingKinds, type FindingKind, type PlanDetail, type RecommendationView } from '../../../shared/supervision/schema.js';
import { t, ui } from '../i18n.js';
import { session } from '../session.js';
import { canWrite, newIdempotencyKey, supervisionApi, useLocality, withLocality } from './client.js';
import { DemoBadge, errorText, PlanStatusBadge, RecStatusBadge, SignInFirst } from './common.jsx';

type RecRow = { content: string; responsibleUnit: string; deadline: string };
const emptyRec = (): RecRow => ({ content: '', responsibleUnit: '', deadline: '' });

/** One plan: facts, schedule, team, report due date, status steps, findings with recommendations and their follow-up. */
export function PlanPage() {
  const params = useParams<{ id: string }>();
  const { locality } = useLocality();
  const [detail, { refetch }] = createResource(
    () => (session() ? { id: params.id, locality: locality() } : null),
    (p) => supervisionApi.detail(p.id, p.locality),
  );
  const writable = () => canWrite(locality());

  return (
    <section>
      <p>
        <A href={withLocality('/supervision', locality())}>← {t({ vi: 'Danh sách kế hoạch', en: 'All plans' })}</A>
      </p>
      <Show when={session()} fallback={<SignInFirst />}>
        <Show when={detail.error}>
          <p class="error" role="alert">
            {errorText(detail.error)}
          </p>
        </Show>
        <Show when={detail()} fallback={<Show when={!detail.error}><p>{t(ui.loading)}</p></Show>}>
          {(d) => <PlanView detail={d()} writable={writable()} reload={refetch} />}
        </Show>
      </Show>
    </section>
  );
}

function PlanView(props: { detail: PlanDetail; writable: boolean; reload: () => void }) {
  const plan = () => props.detail.plan;
  const [error, setError] = createSignal<string | null>(null);
  const [on, setOn] = createSignal(props.detail.today);
  const [note, setNote] = createSignal('');
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      props.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <>
      <h1 data-testid="plan-topic">{plan().topic}</h1>
      <p class="sup-actions">
        <span data-testid="plan-status">
          <PlanStatusBadge status={plan().status} />
        </span>
        <span class="badge">{t(planTypeLabels[plan().type])}</span>
        <Show when={plan().demo}>
          <DemoBadge />
        </Show>
        <Show when={props.writable && plan().status !== 'closed'}>
          <A href={`/supervision/plans/${plan().id}/edit`} class="button secondary small">
            {t({ vi: 'Sửa kế hoạch', en: 'Edit plan' })}
          </A>
        </Show>
      </p>

      <dl class="facts">
        <dt>{t({ vi: 'Chủ thể giám sát', en: 'Supervising body' })}</dt>
        <dd>
          {t(ownerBodyLabels[plan().owner.body])}
          {plan().owner.name ? ` — ${plan().owner.name}` : ''}
        </dd>
        <dt>{t({ vi: 'Đối tượng chịu sự giám sát', en: 'Supervised units' })}</dt>
        <dd>{plan().supervisedUnits.join('; ')}</dd>
        <dt>{t({ vi: 'Thời gian', en: 'Period' })}</dt>
        <dd>
          {formatDate(plan().period.from)} – {formatDate(plan().period.to)}
        </dd>
        <dt>{t({ vi: 'Phương thức', en: 'Method' })}</dt>
        <dd>
          {plan()
            .methods.map((m) => t(methodLabels[m]))
            .join('; ')}
          <Show when={plan().methodNote}>
            <div class="muted">{plan().methodNote}</div>
          </Show>
        </dd>
        <dt>{t({ vi: 'Hạn báo cáo kết quả', en: 'Team report due' })}</dt>
        <dd data-testid="report-due">
          <Show when={plan().reportDueOn} fallback={t({ vi: 'Chưa xác định (chưa có lịch làm việc)', en: 'Not set (no working sessions yet)' })}>
            {formatDate(plan().reportDueOn)}{' '}
            <span class="muted">
              {t({ vi: `(${REPORT_DUE_DAYS} ngày sau buổi làm việc cuối cùng)`, en: `(${REPORT_DUE_DAYS} days after the last working session)` })}
            </span>
            <Show when={plan().reportOverdue}>
              {' '}
              <span class="badge overdue">{t({ vi: 'Chậm báo cáo', en: 'Report late' })}</span>
            </Show>
          </Show>
        </dd>
        <Show when={plan().agreementRef}>
          {(ref) => (
            <>
              <dt>{t({ vi: 'Thực hiện nội dung phối hợp', en: 'Carries out agreement item' })}</dt>
              <dd data-testid="agreement-ref">
                {t({ vi: `Nội dung số ${ref().itemNo} của văn bản phối hợp`, en: `Item ${ref().itemNo} of agreement` })}{' '}
                <A href={`/agreements/${ref().agreementId}`}>
                  <code>{ref().agreementId}</code>
                </A>
              </dd>
            </>
          )}
        </Show>
        <Show when={plan().note}>
          <dt>{t({ vi: 'Ghi chú', en: 'Notes' })}</dt>
          <dd>{plan().note}</dd>
        </Show>
      </dl>

      <div class="sup-section">
        <h2>{t({ vi: 'Thành phần Đoàn giám sát', en: 'Supervision team' })}</h2>
        <ul>
          <li>
            <strong>{t({ vi: 'Trưởng đoàn', en: 'Leader' })}:</strong> {plan().team.leader.name}
            {plan().team.leader.title ? `, ${plan().team.leader.title}` : ''} ({plan().team.leader.agency})
          </li>
          <For each={plan().team.members}>
            {(m) => (
              <li>
                {m.name}
                {m.title ? `, ${m.title}` : ''} ({m.agency})
              </li>
            )}
          </For>
        </ul>
      </div>

      <div class="sup-section">
        <h2>{t({ vi: 'Lịch làm việc', en: 'Working sessions' })}</h2>
        <Show when={plan().sessions.length > 0} fallback={<p class="muted">{t({ vi: 'Chưa có lịch làm việc.', en: 'No sessions scheduled.' })}</p>}>
          <table class="sup-table">
            <thead>
              <tr>
                <th>{t({ vi: 'Ngày', en: 'Date' })}</th>
                <th>{t({ vi: 'Làm việc với', en: 'With' })}</th>
                <th>{t({ vi: 'Địa điểm', en: 'Place' })}</th>
                <th>{t({ vi: 'Nội dung', en: 'Content' })}</th>
              </tr>
            </thead>
            <tbody>
              <For each={[...plan().sessions].sort((a, b) => a.date.localeCompare(b.date))}>
                {(s) => (
                  <tr>
                    <td>
                      {s.time ? `${s.time} ` : ''}
                      {formatDate(s.date)}
                    </td>
                    <td>{s.unit}</td>
                    <td>{s.place ?? ''}</td>
                    <td>{s.content ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </div>

      <div class="sup-section">
        <h2>{t({ vi: 'Tiến độ', en: 'Progress' })}</h2>
        <ol data-testid="plan-history">
          <For each={plan().statusHistory}>
            {(h) => (
              <li>
                {t(planStatusLabels[h.status])} — {formatDate(h.on)}
                {h.by.name ? ` · ${h.by.name}` : ''}
                {h.note ? ` · ${h.note}` : ''}
              </li>
            )}
          </For>
        </ol>
        <Show when={props.writable && planTransitions[plan().status].length > 0}>
          <div class="sup-inline">
            <div class="sup-row">
              <label>
                {t({ vi: 'Ngày thực hiện', en: 'Date' })}
                <input type="date" name="transition-on" value={on()} onInput={(e) => setOn(e.currentTarget.value)} />
              </label>
              <label>
                {t({ vi: 'Ghi chú', en: 'Note' })}
                <input name="transition-note" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
            </div>
            <div class="sup-actions">
              <For each={planTransitions[plan().status]}>
                {(to) => (
                  <button
                    class="button"
                    data-testid={`plan-move-${to}`}
                    onClick={() => act(() => supervisionApi.move(plan().id, { to, version: plan().version, on: on() || undefined, note: note().trim() || undefined }))}
                  >
                    {t(planStatusActions[to])}
                  </button>
                )}
              </For>
              <Show when={plan().status === 'reported' && plan().openRecommendations > 0}>
                <span class="muted">
                  {t({
                    vi: `Còn ${plan().openRecommendations} kiến nghị chưa giải quyết xong; kế hoạch kết thúc khi mọi kiến nghị đã giải quyết.`,
                    en: `${plan().openRecommendations} recommendation(s) still open; the plan closes when all are resolved.`,
                  })}
                </span>
              </Show>
            </div>
          </div>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert" data-testid="plan-error">
            {error()}
          </p>
        </Show>
      </div>

      <div class="sup-section">
        <h2>
          {t({ vi: 'Kết quả giám sát và kiến nghị', en: 'Findings and recommendations' })}{' '}
          <span class="muted" data-testid="open-count">
            ({t({ vi: `${plan().openRecommendations} kiến nghị chưa giải quyết xong`, en: `${plan().openRecommendations} open` })})
          </span>
        </h2>
        <Show when={props.detail.findings.length === 0}>
          <p class="muted">{t({ vi: 'Chưa ghi nhận kết quả giám sát.', en: 'No findings recorded yet.' })}</p>
        </Show>
        <For each={props.detail.findings}>
          {(f) => (
            <div class="sup-card" data-testid={`finding-${f.no}`}>
              <h3>
                {f.no}. {f.title} <span class="badge">{t(findingKindLabels[f.kind])}</span>
              </h3>
              <Show when={f.detail}>
                <p>{f.detail}</p>
              </Show>
              <For each={f.recommendations}>
                {(r) => <RecommendationItem planId={plan().id} rec={r} today={props.detail.today} writable={props.writable} reload={props.reload} />}
              </For>
              <Show when={props.writable && statusesAcceptingFindings.includes(plan().status)}>
                <AddRecommendation planId={plan().id} findingNo={f.no} reload={props.reload} />
              </Show>
            </div>
          )}
        </For>
        <Show when={props.writable && statusesAcceptingFindings.includes(plan().status)}>
          <FindingForm planId={plan().id} reload={props.reload} />
        </Show>
      </div>
    </>
  );
}

function RecFields(props: { prefix: string; value: RecRow; set: (k: keyof RecRow, v: string) => void }) {
  return (
    <div class="sup-row">
      <label style={{ 'grid-column': 'span 2' }}>
        {t({ vi: 'Nội dung kiến nghị', en: 'Recommendation' })}
        <textarea name={`${props.prefix}-content`} rows="2" value={props.value.content} onInput={(e) => props.set('content', e.currentTarget.value)} />
      </label>
      <label>
        {t({ vi: 'Đơn vị chịu trách nhiệm', en: 'Responsible unit' })}
        <input name={`${props.prefix}-unit`} value={props.value.responsibleUnit} onInput={(e) => props.set('responsibleUnit', e.currentTarget.value)} />
      </label>
      <label>
        {t({ vi: 'Thời hạn', en: 'Deadline' })}
        <input type="date" name={`${props.prefix}-deadline`} value={props.value.deadline} onInput={(e) => props.set('deadline', e.currentTarget.value)} />
      </label>
    </div>
  );
}

/** A finding with any number of recommendations, written in one transaction. */
function FindingForm(props: { planId: string; reload: () => void }) {
  const [form, setForm] = createStore({ kind: 'shortcoming' as FindingKind, title: '', detail: '', recs: [emptyRec()] });
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let key = newIdempotencyKey();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await supervisionApi.addFinding(
        props.planId,
        {
          kind: form.kind,
          title: form.title.trim(),
          ...(form.detail.trim() ? { detail: form.detail.trim() } : {}),
          recommendations: form.recs
            .filter((r) => r.content.trim() || r.responsibleUnit.trim() || r.deadline)
            .map((r) => ({ content: r.content.trim(), responsibleUnit: r.responsibleUnit.trim(), deadline: r.deadline })),
        },
        key,
      );
      key = newIdempotencyKey();
      setForm({ kind: 'shortcoming', title: '', detail: '', recs: [emptyRec()] });
      props.reload();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="sup-form sup-card" onSubmit={submit} data-testid="finding-form">
      <h3>{t({ vi: 'Ghi nhận kết quả giám sát', en: 'Record a finding' })}</h3>
      <div class="sup-row">
        <label>
          {t({ vi: 'Loại', en: 'Kind' })}
          <select name="finding-kind" value={form.kind} onChange={(e) => setForm('kind', e.currentTarget.value as FindingKind)}>
            <For each={findingKinds}>{(k) => <option value={k}>{t(findingKindLabels[k])}</option>}</For>
          </select>
        </label>
        <label style={{ 'grid-column': 'span 2' }}>
          {t({ vi: 'Kết quả / nhận xét', en: 'Finding' })}
          <input name="finding-title" value={form.title} onInput={(e) => setForm('title', e.currentTarget.value)} />
        </label>
      </div>
      <label>
        {t({ vi: 'Chi tiết', en: 'Details' })}
        <textarea name="finding-detail" rows="2" value={form.detail} onInput={(e) => setForm('detail', e.currentTarget.value)} />
      </label>
      <Index each={form.recs}>
        {(r, i) => (
          <fieldset>
            <legend>
              {t({ vi: 'Kiến nghị', en: 'Recommendation' })} {i + 1}
            </legend>
            <RecFields prefix={`rec-${i}`} value={r()} set={(k, v) => setForm('recs', i, k, v)} />
          </fieldset>
        )}
      </Index>
      <div class="sup-actions">
        <button type="button" class="button secondary small" data-testid="add-rec-row" onClick={() => setForm('recs', (rows) => [...rows, emptyRec()])}>
          {t({ vi: '+ Thêm kiến nghị', en: '+ Add recommendation' })}
        </button>
        <button class="button" type="submit" disabled={busy()} data-testid="save-finding">
          {t({ vi: 'Lưu kết quả và kiến nghị', en: 'Save finding' })}
        </button>
      </div>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}

function AddRecommendation(props: { planId: string; findingNo: number; reload: () => void }) {
  const [open, setOpen] = createSignal(false);
  const [row, setRow] = createStore(emptyRec());
  const [error, setError] = createSignal<string | null>(null);
  let key = newIdempotencyKey();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await supervisionApi.addRecommendation(props.planId, props.findingNo, { content: row.content.trim(), responsibleUnit: row.responsibleUnit.trim(), deadline: row.deadline }, key);
      key = newIdempotencyKey();
      setRow(emptyRec());
      setOpen(false);
      props.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <Show
      when={open()}
      fallback={
        <button class="button link small" onClick={() => setOpen(true)}>
          {t({ vi: '+ Thêm kiến nghị cho kết quả này', en: '+ Add a recommendation to this finding' })}
        </button>
      }
    >
      <form class="sup-inline" onSubmit={submit}>
        <RecFields prefix={`add-rec-${props.findingNo}`} value={row} set={(k, v) => setRow(k, v)} />
        <div class="sup-actions">
          <button class="button small" type="submit">
            {t({ vi: 'Thêm', en: 'Add' })}
          </button>
          <button class="button secondary small" type="button" onClick={() => setOpen(false)}>
            {t({ vi: 'Hủy', en: 'Cancel' })}
          </button>
        </div>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </form>
    </Show>
  );
}

function RecommendationItem(props: { planId: string; rec: RecommendationView; today: string; writable: boolean; reload: () => void }) {
  const r = () => props.rec;
  const [mode, setMode] = createSignal<'none' | 'respond' | 'edit'>('none');
  const [error, setError] = createSignal<string | null>(null);
  const [resp, setResp] = createStore({ respondedOn: props.today, respondent: '', content: '', attachments: [{ label: '', documentId: '' }] });
  const [edit, setEdit] = createStore({ content: r().content, responsibleUnit: r().responsibleUnit, deadline: r().deadline });
  let key = newIdempotencyKey();

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setMode('none');
      props.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const move = (to: 'accepted' | 'resolved' | 'open') => run(() => supervisionApi.moveRecommendation(props.planId, r().no, { to, version: r().version }));

  return (
    <div class="sup-rec" data-testid={`rec-${r().no}`}>
      <div class="sup-rec-head">
        <strong>
          {t({ vi: 'Kiến nghị', en: 'Recommendation' })} {r().no}:
        </strong>
        <span>{r().content}</span>
      </div>
      <div class="sup-rec-head muted">
        <span>
          {t({ vi: 'Đơn vị chịu trách nhiệm', en: 'Responsible' })}: <span data-testid="rec-unit">{r().responsibleUnit}</span>
        </span>
        <span>·</span>
        <span>
          {t({ vi: 'Thời hạn', en: 'Deadline' })}: <span data-testid="rec-deadline">{formatDate(r().deadline)}</span>
        </span>
        <RecStatusBadge status={r().status} overdue={r().overdue} />
        <Show when={r().overdue}>
          <span>{t({ vi: `(${r().daysOverdue} ngày)`, en: `(${r().daysOverdue} days)` })}</span>
        </Show>
        <Show when={r().resolvedOn}>
          <span>
            {t({ vi: 'Giải quyết xong ngày', en: 'Resolved on' })} {formatDate(r().resolvedOn)}
          </span>
        </Show>
      </div>
      <Show when={r().responses.length > 0}>
        <ul class="sup-responses" data-testid="rec-responses">
          <For each={r().responses}>
            {(x) => (
              <li>
                <strong>{formatDate(x.respondedOn)}</strong> — {x.respondent}: {x.content}
                <For each={x.attachments}>
                  {(a) => (
                    <span class="badge" title={a.documentId ?? ''}>
                      {t({ vi: 'Đính kèm', en: 'Attachment' })}: {a.label}
                    </span>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().history.length > 1}>
        <div class="muted" style={{ 'font-size': '0.85rem' }}>
          {r()
            .history.map((h) => `${t(recommendationStatusLabels[h.status])} ${formatDate(h.on)}${h.note ? ` (${h.note})` : ''}`)
            .join(' → ')}
        </div>
      </Show>
      <Show when={props.writable && r().status !== 'resolved'}>
        <div class="sup-actions" style={{ 'margin-top': '0.4rem' }}>
          <button class="button secondary small" data-testid="rec-respond" onClick={() => setMode(mode() === 'respond' ? 'none' : 'respond')}>
            {t({ vi: 'Ghi nhận trả lời', en: 'Record answer' })}
          </button>
          <Show when={r().status === 'answered'}>
            <button class="button secondary small" data-testid="rec-accept" onClick={() => move('accepted')}>
              {t({ vi: 'Tiếp thu', en: 'Accept' })}
            </button>
            <button class="button secondary small" data-testid="rec-reopen" onClick={() => move('open')}>
              {t({ vi: 'Yêu cầu trả lời lại', en: 'Send back' })}
            </button>
          </Show>
          <Show when={r().status === 'answered' || r().status === 'accepted'}>
            <button class="button small" data-testid="rec-resolve" onClick={() => move('resolved')}>
              {t({ vi: 'Đã giải quyết xong', en: 'Mark resolved' })}
            </button>
          </Show>
          <button class="button link small" data-testid="rec-edit" onClick={() => setMode(mode() === 'edit' ? 'none' : 'edit')}>
            {t({ vi: 'Sửa / gia hạn', en: 'Edit / extend' })}
          </button>
        </div>
      </Show>
      <Show when={mode() === 'respond'}>
        <form
          class="sup-inline"
          data-testid="response-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await supervisionApi.respond(
                props.planId,
                r().no,
                {
                  version: r().version,
                  respondedOn: resp.respondedOn,
                  ...(resp.respondent.trim() ? { respondent: resp.respondent.trim() } : {}),
                  content: resp.content.trim(),
                  attachments: resp.attachments
                    .filter((a) => a.label.trim())
                    .map((a) => ({ label: a.label.trim(), ...(a.documentId.trim() ? { documentId: a.documentId.trim().toUpperCase() } : {}) })),
                },
                key,
              );
              key = newIdempotencyKey();
            });
          }}
        >
          <div class="sup-row">
            <label>
              {t({ vi: 'Ngày trả lời', en: 'Answered on' })}
              <input type="date" name="respondedOn" value={resp.respondedOn} onInput={(e) => setResp('respondedOn', e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Đơn vị trả lời', en: 'Answered by' })}
              <input name="respondent" placeholder={r().responsibleUnit} value={resp.respondent} onInput={(e) => setResp('respondent', e.currentTarget.value)} />
            </label>
          </div>
          <label>
            {t({ vi: 'Nội dung trả lời', en: 'Answer' })}
            <textarea name="response-content" rows="3" value={resp.content} onInput={(e) => setResp('content', e.currentTarget.value)} />
          </label>
          <Index each={resp.attachments}>
            {(a, i) => (
              <div class="sup-row">
                <label>
                  {t({ vi: 'Văn bản đính kèm (số, ký hiệu, trích yếu)', en: 'Attachment (number, title)' })}
                  <input name={`attachment-label-${i}`} value={a().label} onInput={(e) => setResp('attachments', i, 'label', e.currentTarget.value)} />
                </label>
                <label>
                  {t({ vi: 'Mã văn bản trong kho (nếu có)', en: 'Archive document id (optional)' })}
                  <input name={`attachment-doc-${i}`} value={a().documentId} onInput={(e) => setResp('attachments', i, 'documentId', e.currentTarget.value)} />
                </label>
              </div>
            )}
          </Index>
          <div class="sup-actions">
            <button type="button" class="button link small" onClick={() => setResp('attachments', (xs) => [...xs, { label: '', documentId: '' }])}>
              {t({ vi: '+ Thêm văn bản đính kèm', en: '+ Add attachment' })}
            </button>
            <button class="button small" type="submit" data-testid="save-response">
              {t({ vi: 'Lưu trả lời', en: 'Save answer' })}
            </button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'edit'}>
        <form
          class="sup-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() =>
              supervisionApi.updateRecommendation(props.planId, r().no, {
                version: r().version,
                content: edit.content.trim(),
                responsibleUnit: edit.responsibleUnit.trim(),
                deadline: edit.deadline,
              }),
            );
          }}
        >
          <RecFields prefix={`edit-rec-${r().no}`} value={edit} set={(k, v) => setEdit(k, v)} />
          <div class="sup-actions">
            <button class="button small" type="submit">
              {t({ vi: 'Lưu', en: 'Save' })}
            </button>
          </div>
        </form>
      </Show>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
    </div>
  );
}
