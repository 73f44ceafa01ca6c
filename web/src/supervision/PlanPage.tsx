import { FollowButton } from '../notifications/FollowButton.jsx';
import { A, useParams } from '@solidjs/router';
import { createMemo, createResource, For, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import { findingKindLabels, methodLabels, ownerBodyLabels, planStatusLabels, planTypeLabels } from '../../../shared/supervision/labels.js';
import { planTransitions, planUndo, REPORT_DUE_DAYS, statusesAcceptingFindings } from '../../../shared/supervision/rules.js';
import type { Session as PlanSession } from '../../../shared/supervision/schema.js';
import type { PlanDetail } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { session } from '../session.js';
import { Async, type Table, createSelection, DataTable, focusHeading, RecordName, UndoNotice, BackLink } from '../ui/index.js';
import { BulkRecommendations } from './BulkRecommendations.jsx';
import { canWrite, supervisionApi, useLocality, withLocality } from './client.js';
import { DemoBadge, PlanStatusBadge } from './common.jsx';
import { AddRecommendation, FindingForm } from './FindingForms.jsx';
import { PlanTransitions } from './PlanTransitions.jsx';
import { RecommendationItem } from './RecommendationItem.jsx';

const sessionTable: Table<PlanSession> = {
  columns: [
    { id: 'date', header: { vi: 'Ngày', en: 'Date' }, cell: (s) => `${s.time ? `${s.time} ` : ''}${formatDate(s.date)}` },
    { id: 'unit', header: { vi: 'Làm việc với', en: 'With' }, cell: (s) => s.unit },
    { id: 'place', header: { vi: 'Địa điểm', en: 'Place' }, cell: (s) => s.place ?? '' },
    { id: 'content', header: { vi: 'Nội dung', en: 'Content' }, cell: (s) => s.content ?? '' },
  ],
  label: { vi: 'Lịch làm việc', en: 'Working sessions' },
  empty: { vi: 'Chưa có lịch làm việc.', en: 'No sessions scheduled.' },
};

/** One plan: facts, schedule, team, report due date, status steps, findings with recommendations and their follow-up. */
export function PlanPage() {
  focusHeading();
  const params = useParams<{ id: string }>();
  const { locality } = useLocality();
  const [detail, { refetch }] = createResource(
    () => ({ id: params.id, locality: locality() }),
    (p) => supervisionApi.detail(p.id, p.locality),
  );
  const writable = () => canWrite(locality());

  return (
    <section>
      <BackLink href={withLocality('/supervision', locality())} label={{ vi: 'Danh sách kế hoạch', en: 'All plans' }} />
      <Async of={detail}>{(d) => <PlanView detail={d()} writable={writable()} own={!locality()} locality={locality()} reload={refetch} />}</Async>
    </section>
  );
}

function PlanView(props: { detail: PlanDetail; writable: boolean; own: boolean; locality: string | undefined; reload: () => void }) {
  const plan = () => props.detail.plan;
  // The server's clock minus the browser's, taken when the page was read: undo windows are the server's.
  const clockOffset = createMemo(() => (props.detail.now ? Date.parse(props.detail.now) - Date.now() : 0));
  const selection = createSelection();
  const recs = () => props.detail.findings.flatMap((f) => f.recommendations);

  return (
    <>
      <h1 data-testid="plan-topic">{plan().topic}</h1>
      <Show when={props.own}>
        <FollowButton type="plan" id={plan().id} />
      </Show>
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
          <Show when={plan().reportedOn}>
            {(on) => (
              <div data-testid="reported-on">
                {t({ vi: 'Đã báo cáo ngày', en: 'Reported on' })} {formatDate(on())}
                <Show when={plan().reportedLate}>
                  {' '}
                  <span class="badge overdue">{t({ vi: 'Báo cáo muộn', en: 'Reported late' })}</span>
                </Show>
              </div>
            )}
          </Show>
        </dd>
        <Show when={plan().agreementRef}>
          {(ref) => (
            <>
              <dt>{t({ vi: 'Thực hiện nội dung phối hợp', en: 'Carries out agreement item' })}</dt>
              <dd data-testid="agreement-ref">
                {t({ vi: `Nội dung số ${ref().itemNo} của văn bản phối hợp`, en: `Item ${ref().itemNo} of agreement` })}{' '}
                <A href={`/agreements/${ref().agreementId}`}>
                  <RecordName kind="agreement" id={ref().agreementId} />
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
        <DataTable rows={[...plan().sessions].sort((a, b) => a.date.localeCompare(b.date))} {...sessionTable} heading stack />
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
        <Show when={props.writable}>
          <PlanStepUndo plan={plan()} clockOffset={clockOffset()} reload={props.reload} />
        </Show>
        <Show when={props.writable && planTransitions[plan().status].length > 0}>
          <PlanTransitions plan={plan()} today={props.detail.today} reload={props.reload} />
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
        <div class="actions">
          <A class="button secondary" href={withLocality(`/supervision/plans/${plan().id}/recommendations-sheet`, props.locality)} data-testid="recs-sheet">
            {t({ vi: 'Bảng tính kiến nghị (Excel)', en: 'Recommendations spreadsheet (Excel)' })}
          </A>
        </div>
        <Show when={props.writable && recs().some((r) => r.status !== 'resolved')}>
          <BulkRecommendations planId={plan().id} recs={recs()} selection={selection} reload={props.reload} />
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
                {(r) => (
                  <RecommendationItem
                    planId={plan().id}
                    planStatus={plan().status}
                    clockOffset={clockOffset()}
                    rec={r}
                    today={props.detail.today}
                    writable={props.writable}
                    reload={props.reload}
                    selection={props.writable ? selection : undefined}
                  />
                )}
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

/** The plan's last step, while its author may still take it back (shared rule: same person, window, nothing since). */
function PlanStepUndo(props: { plan: PlanDetail['plan']; clockOffset: number; reload: () => void }) {
  const check = () => {
    const userId = session()?.identity.userId;
    return userId ? planUndo(props.plan, userId, new Date(Date.now() + props.clockOffset)) : null;
  };
  const until = () => {
    const c = check();
    return c?.ok ? c.until : null;
  };
  const label = () => {
    const c = check();
    return c?.ok ? planStatusLabels[c.from] : { vi: '', en: '' };
  };
  return (
    <UndoNotice
      until={until()}
      clockOffset={props.clockOffset}
      message={{ vi: `Kế hoạch vừa chuyển sang "${label().vi}".`, en: `The plan has just moved to "${label().en}".` }}
      onUndo={async () => {
        await supervisionApi.undoMove(props.plan.id, props.plan.version);
        props.reload();
      }}
      testId="plan-undo"
    />
  );
}
