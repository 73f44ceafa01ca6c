import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { defaultSignatory, partyAgenciesByLevel } from '../../../shared/agreements/parties.js';
import {
  agencyCodes,
  fullTitle,
  itemStatuses,
  itemStatusInfo,
  periodLabel,
  reviewTitle,
  trackingStatuses,
  type AgreementDetail as Detail,
  type AgreementSummary,
  type Item,
  type SignInput,
} from '../../../shared/agreements/schema.js';
import { formatDate, formatDateTime } from '../../../shared/format.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { agencyName, canWrite, download, ErrorBox, errorText, ItemStatusBadge, newIdempotencyKey, ProgressBar, StatusBadge, todayVN, useLocality, useOwnUnit, withLocality } from './common.jsx';

/** One agreement: header, lifecycle actions, items with progress and timeline, articles, signing, reviews. */
export function AgreementDetailPage() {
  const params = useParams<{ id: string }>();
  const locality = useLocality();
  const navigate = useNavigate();
  const [detail, { refetch }] = createResource(
    () => ({ id: params.id, locality: locality() }),
    (k) => api<Detail>(withLocality(`/api/agreements/${k.id}`, k.locality)),
  );
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [signing, setSigning] = createSignal(false);
  const writable = () => canWrite(locality());

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await refetch();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const post = (path: string, body: unknown) => api(`/api/agreements/${params.id}${path}`, { method: 'POST', body: JSON.stringify(body) });

  return (
    <section>
      <p>
        <A href={withLocality('/agreements', locality())}>← {t(ui.nav.agreements)}</A>
      </p>
      <ErrorBox error={detail.error ? errorText(detail.error) : null} />
      <Show when={detail()} fallback={<Show when={!detail.error}><p>{t(ui.loading)}</p></Show>}>
        {(d) => {
          const a = () => d().agreement;
          return (
            <>
              <h1 data-testid="agreement-title">{fullTitle(a(), lang())}</h1>
              <p>
                <StatusBadge status={a().status} />
                <Show when={a().number}>
                  <span class="muted">
                    {t({ vi: 'Số', en: 'No.' })} {a().number}
                  </span>
                </Show>
              </p>
              <dl class="facts">
                <dt>{t({ vi: 'Bên tham gia', en: 'Parties' })}</dt>
                <dd>{a().parties.map((p) => p.name).join('; ')}</dd>
                <dt>{a().kind === 'regulation' ? t({ vi: 'Nhiệm kỳ', en: 'Term' }) : t({ vi: 'Năm', en: 'Year' })}</dt>
                <dd>{periodLabel(a())}</dd>
                <Show when={a().signedOn}>
                  <dt>{t({ vi: 'Ngày ký', en: 'Signed on' })}</dt>
                  <dd data-testid="signed-on">{formatDate(a().signedOn)}</dd>
                </Show>
                <Show when={a().effectiveFrom}>
                  <dt>{t({ vi: 'Hiệu lực từ', en: 'In force from' })}</dt>
                  <dd>{formatDate(a().effectiveFrom)}</dd>
                </Show>
                <Show when={a().effectiveTo}>
                  <dt>{t({ vi: 'Hết hiệu lực', en: 'Until' })}</dt>
                  <dd>{formatDate(a().effectiveTo)}</dd>
                </Show>
                <Show when={a().continues}>
                  {(k) => (
                    <>
                      <dt>{t({ vi: 'Tiếp nối', en: 'Continues' })}</dt>
                      <dd data-testid="continues">
                        <A href={`/agreements/${k().agreementId}?locality=${k().localityCode}`}>{fullTitle(k(), lang())}</A>{' '}
                        <span class="muted">
                          ({k().period}
                          {k().number ? `, ${t({ vi: 'số', en: 'no.' })} ${k().number}` : ''}) — {k().localityName},{' '}
                          {t({ vi: 'hồ sơ trước 01/07/2025, chỉ xem', en: 'records before 01/07/2025, read-only' })}
                        </span>
                      </dd>
                    </>
                  )}
                </Show>
                <Show when={a().amends}>
                  {(m) => (
                    <>
                      <dt>{t({ vi: 'Sửa đổi, bổ sung', en: 'Amends' })}</dt>
                      <dd>
                        <A href={withLocality(`/agreements/${m().id}`, locality())}>{m().number || m().title}</A> ({t({ vi: 'lần', en: 'revision' })} {a().revision - 1}): {a().amendmentReason}
                      </dd>
                    </>
                  )}
                </Show>
                <Show when={a().amendedBy}>
                  <dt>{t({ vi: 'Dự thảo sửa đổi', en: 'Draft amendment' })}</dt>
                  <dd>
                    <A href={withLocality(`/agreements/${a().amendedBy}`, locality())}>{t({ vi: 'Mở dự thảo sửa đổi', en: 'Open the draft amendment' })}</A>
                  </dd>
                </Show>
                <Show when={a().supersededBy}>
                  <dt>{t({ vi: 'Được thay thế bởi', en: 'Superseded by' })}</dt>
                  <dd>
                    <A href={withLocality(`/agreements/${a().supersededBy}`, locality())}>{t({ vi: 'Văn bản sửa đổi', en: 'The amendment' })}</A>
                  </dd>
                </Show>
              </dl>
              <Show when={a().remarks}>
                <p class="remarks" data-testid="remarks">
                  {t({ vi: 'Ghi chú nhập liệu', en: 'Data-entry remarks' })}: {a().remarks}
                </p>
              </Show>

              <div class="actions">
                <button class="button secondary" data-testid="export-docx" disabled={busy()} onClick={() => act(() => download(withLocality(`/api/agreements/${a().id}/export.docx`, locality())))}>
                  {t({ vi: 'Tải văn bản (.docx)', en: 'Download (.docx)' })}
                </button>
                <Show when={writable() && a().status === 'draft'}>
                  <A class="button secondary" href={`/agreements/${a().id}/edit`} data-testid="edit">
                    {t({ vi: 'Sửa dự thảo', en: 'Edit draft' })}
                  </A>
                  <button class="button" data-testid="open-sign" onClick={() => setSigning(true)}>
                    {t({ vi: 'Ký kết', en: 'Sign' })}
                  </button>
                  <button
                    class="button secondary"
                    disabled={busy()}
                    onClick={() => {
                      if (!confirm(t({ vi: 'Xóa dự thảo này?', en: 'Delete this draft?' }))) return;
                      void act(async () => {
                        await api(`/api/agreements/${a().id}`, { method: 'DELETE', headers: { 'if-match': `"${a().version}"` } }).catch((err) => {
                          // 204 has no JSON body.
                          if (!(err instanceof SyntaxError)) throw err;
                        });
                        navigate('/agreements');
                      });
                    }}
                  >
                    {t({ vi: 'Xóa dự thảo', en: 'Delete draft' })}
                  </button>
                </Show>
                <Show when={writable() && a().status === 'signed'}>
                  <button class="button secondary" disabled={busy()} onClick={() => act(() => post('/status', { version: a().version, to: 'in_force', on: todayVN() }))}>
                    {t({ vi: 'Đưa vào hiệu lực', en: 'Put in force' })}
                  </button>
                </Show>
                <Show when={writable() && (a().status === 'signed' || a().status === 'in_force')}>
                  <button class="button secondary" disabled={busy()} onClick={() => act(() => post('/status', { version: a().version, to: 'expired', on: todayVN() }))}>
                    {t({ vi: 'Kết thúc hiệu lực', en: 'Mark expired' })}
                  </button>
                  <Show when={!a().amendedBy}>
                    <button
                      class="button secondary"
                      data-testid="amend"
                      disabled={busy()}
                      onClick={() => {
                        const reason = prompt(t({ vi: 'Lý do sửa đổi, bổ sung', en: 'Reason for the amendment' }));
                        if (!reason) return;
                        void act(async () => {
                          const r = await api<{ agreement: AgreementSummary }>(`/api/agreements/${a().id}/amendments`, {
                            method: 'POST',
                            headers: { 'idempotency-key': newIdempotencyKey() },
                            body: JSON.stringify({ version: a().version, reason }),
                          });
                          navigate(`/agreements/${r.agreement.id}`);
                        });
                      }}
                    >
                      {t({ vi: 'Sửa đổi, bổ sung', en: 'Amend' })}
                    </button>
                  </Show>
                </Show>
                <Show when={writable() && a().status !== 'draft'}>
                  <A class="button secondary" href={`/agreements/${a().id}/reviews/new`} data-testid="new-review">
                    {t({ vi: 'Sơ kết / tổng kết', en: 'Write a review' })}
                  </A>
                </Show>
              </div>
              <ErrorBox error={error()} />

              <Show when={signing()}>
                <SignDialog
                  detail={d()}
                  onClose={() => setSigning(false)}
                  onSigned={async () => {
                    setSigning(false);
                    await refetch();
                  }}
                />
              </Show>

              <Show when={a().summary || a().areas.length}>
                <div class="section">
                  <Show when={a().summary}>
                    <p class="pre-line">{a().summary}</p>
                  </Show>
                  <Show when={a().areas.length}>
                    <h2>{t({ vi: 'Lĩnh vực phối hợp', en: 'Coordination areas' })}</h2>
                    <ul>
                      <For each={a().areas}>{(x) => <li>{x}</li>}</For>
                    </ul>
                  </Show>
                </div>
              </Show>

              <Show when={d().items.length}>
                <div class="section" data-testid="items">
                  <h2>
                    {t({ vi: 'Nội dung phối hợp', en: 'Content items' })} — {a().itemStats.byStatus.done}/{a().itemStats.total} {t({ vi: 'hoàn thành', en: 'done' })}
                  </h2>
                  <ProgressBar value={a().itemStats.averageProgress} label={t({ vi: 'Tiến độ chung', en: 'Overall progress' })} />
                  <For each={d().items}>
                    {(item) => (
                      <ItemCard
                        item={item}
                        agreementId={a().id}
                        tracking={writable() && trackingStatuses.includes(a().status)}
                        onSaved={() => refetch()}
                      />
                    )}
                  </For>
                </div>
              </Show>

              <Show when={d().chapters.length}>
                <div class="section" data-testid="chapters">
                  <h2>{t({ vi: 'Chương, điều', en: 'Chapters and articles' })}</h2>
                  <For each={d().chapters}>
                    {(ch) => (
                      <div>
                        <h3>
                          {t({ vi: 'Chương', en: 'Chapter' })} {ch.no}
                          {ch.title ? `. ${ch.title}` : ''}
                          <Show when={ch.placeholder}>
                            <span class="placeholder-note"> ({t({ vi: 'giữ chỗ: nguồn không nêu', en: 'placeholder: not in the source' })})</span>
                          </Show>
                        </h3>
                        <For each={ch.articles}>
                          {(art) => (
                            <div>
                              <p>
                                <strong>
                                  {t({ vi: 'Điều', en: 'Article' })} {art.no}.{art.title ? ` ${art.title}` : ''}
                                </strong>
                                <Show when={art.placeholder}>
                                  <span class="placeholder-note"> ({t({ vi: 'giữ chỗ', en: 'placeholder' })})</span>
                                </Show>
                              </p>
                              <Show when={art.text}>
                                <p class="pre-line">{art.text}</p>
                              </Show>
                            </div>
                          )}
                        </For>
                      </div>
                    )}
                  </For>
                </div>
              </Show>

              <Show when={d().signing}>
                {(s) => (
                  <div class="section" data-testid="signing">
                    <h2>{t({ vi: 'Ký kết', en: 'Signing' })}</h2>
                    <p>
                      {formatDate(s().signedOn)}
                      {s().place ? ` — ${s().place}` : ''}
                    </p>
                    <ul>
                      <For each={s().signatories}>
                        {(x) => (
                          <li>
                            {[x.onBehalf, x.title, x.name ?? t({ vi: '(nguồn không ghi tên)', en: '(name not stated)' })].filter(Boolean).join(' — ')} ({agencyName(x.agency)})
                          </li>
                        )}
                      </For>
                    </ul>
                    <Show when={s().remarks}>
                      <p class="remarks">{s().remarks}</p>
                    </Show>
                  </div>
                )}
              </Show>

              <Show when={d().documents.length}>
                <div class="section" data-testid="documents">
                  <h2>{t({ vi: 'Văn bản đã ký trong kho lưu trữ', en: 'Signed documents in the archive' })}</h2>
                  <ul>
                    <For each={d().documents}>
                      {(doc) => (
                        <li>
                          <A href={`/archive/${doc.documentId}`}>{doc.numberSymbol || doc.documentId}</A> — {doc.summary}
                          {doc.signedOn ? ` (${formatDate(doc.signedOn)})` : ''}
                          <Show when={doc.period}>
                            {' · '}
                            {reviewTitle(doc.period!, lang())}
                          </Show>
                          <Show when={doc.deleted}>
                            <span class="badge">{t({ vi: 'đã xóa', en: 'deleted' })}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </div>
              </Show>

              <div class="section" data-testid="reviews">
                <h2>{t({ vi: 'Sơ kết, tổng kết', en: 'Reviews' })}</h2>
                <Show when={d().reviews.length} fallback={<p class="muted">{t({ vi: 'Chưa có.', en: 'None yet.' })}</p>}>
                  <For each={d().reviews}>
                    {(r) => (
                      <div class="item-card" data-testid="review">
                        <div class="item-head">
                          <span class="item-title">{reviewTitle(r.period, lang())}</span>
                          <span class="muted">
                            {formatDate(r.heldOn)}
                            {r.place ? ` — ${r.place}` : ''}
                          </span>
                        </div>
                        <Show when={r.commendations.collectives.count || r.commendations.individuals.count}>
                          <p>
                            {t({ vi: 'Khen thưởng', en: 'Commendations' })}: {r.commendations.collectives.count} {t({ vi: 'tập thể', en: 'collectives' })},{' '}
                            {r.commendations.individuals.count} {t({ vi: 'cá nhân', en: 'individuals' })}
                            {r.commendations.decidedBy ? ` (${r.commendations.decidedBy})` : ''}
                          </p>
                        </Show>
                        <Show when={r.shortcomings}>
                          <p class="pre-line">
                            <strong>{t({ vi: 'Tồn tại, hạn chế', en: 'Shortcomings' })}:</strong> {r.shortcomings}
                          </p>
                        </Show>
                        <div class="actions">
                          <button class="button secondary" data-testid="export-review" onClick={() => act(() => download(withLocality(`/api/agreements/${a().id}/reviews/${r.period}/export.docx`, locality())))}>
                            {t({ vi: 'Tải báo cáo (.docx)', en: 'Download report (.docx)' })}
                          </button>
                          <Show when={writable()}>
                            <A class="button secondary" href={`/agreements/${a().id}/reviews/${r.period}`}>
                              {t({ vi: 'Sửa', en: 'Edit' })}
                            </A>
                          </Show>
                        </div>
                      </div>
                    )}
                  </For>
                </Show>
              </div>
              <p class="muted">
                {t({ vi: 'Phiên bản', en: 'Version' })} {a().version} · {t({ vi: 'cập nhật', en: 'updated' })} {formatDateTime(a().updatedAt)} ·{' '}
                {t({ vi: 'quá hạn tính đến ngày', en: 'overdue as of' })} {formatDate(d().asOf)}
              </p>
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** A content item: status, progress bar, deadline, timeline, evidence, and the progress form. */
function ItemCard(props: { item: Item; agreementId: string; tracking: boolean; onSaved: () => void }) {
  const [open, setOpen] = createSignal(false);
  const [status, setStatus] = createSignal(props.item.status);
  const [progress, setProgress] = createSignal<string>('');
  const [noteOn, setNoteOn] = createSignal(todayVN());
  const [noteText, setNoteText] = createSignal('');
  const [docId, setDocId] = createSignal('');
  const [docLabel, setDocLabel] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const save = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { version: props.item.version };
      if (status() !== props.item.status) body.status = status();
      if (progress() !== '') body.progress = Number(progress());
      if (noteText().trim()) body.note = { on: noteOn(), text: noteText().trim() };
      if (docId().trim() || docLabel().trim()) body.evidence = [...props.item.evidence, { docId: docId().trim().toUpperCase(), label: docLabel().trim() }];
      await api(`/api/agreements/${props.agreementId}/items/${props.item.no}`, { method: 'PATCH', body: JSON.stringify(body) });
      setOpen(false);
      setNoteText('');
      setProgress('');
      setDocId('');
      setDocLabel('');
      props.onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="item-card" data-testid={`item-${props.item.no}`}>
      <div class="item-head">
        <span class="item-title">
          {props.item.no}. {props.item.title}
          <Show when={props.item.placeholder}>
            <span class="placeholder-note"> ({t({ vi: 'giữ chỗ: nguồn không nêu nội dung', en: 'placeholder: content not in the source' })})</span>
          </Show>
        </span>
        <span>
          <ItemStatusBadge status={props.item.status} overdue={props.item.overdue} />
        </span>
      </div>
      <Show when={props.item.description}>
        <p class="pre-line">{props.item.description}</p>
      </Show>
      <p class="muted">
        <Show when={props.item.lead}>
          {t({ vi: 'Chủ trì', en: 'Lead' })}: {props.item.lead!.name}
          {' · '}
        </Show>
        <Show when={props.item.cooperating.length}>
          {t({ vi: 'Phối hợp', en: 'With' })}: {props.item.cooperating.map((c) => c.name).join(', ')}
          {' · '}
        </Show>
        {t({ vi: 'Hạn', en: 'Due' })}: {formatDate(props.item.deadline)}
      </p>
      <ProgressBar value={props.item.progress} label={props.item.title} />
      <Show when={props.item.evidence.length}>
        <p class="muted">
          {t({ vi: 'Minh chứng', en: 'Evidence' })}: {props.item.evidence.map((e) => `${e.label} (${e.docId})`).join('; ')}
        </p>
      </Show>
      <Show when={props.item.notes.length}>
        <ol class="timeline" data-testid="timeline">
          <For each={props.item.notes}>
            {(n) => (
              <li>
                <time>{formatDate(n.on)}</time>
                {n.text} <span class="muted">({t(itemStatusInfo[n.status])}, {n.progress}% — {n.by})</span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={props.tracking}>
        <Show
          when={open()}
          fallback={
            <button class="button link" data-testid="open-progress" onClick={() => setOpen(true)}>
              {t({ vi: 'Cập nhật tiến độ', en: 'Update progress' })}
            </button>
          }
        >
          <form class="inline-form" onSubmit={save} data-testid="progress-form">
            <label>
              {t({ vi: 'Trạng thái', en: 'Status' })}
              <select name="status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as Item['status'])}>
                <For each={itemStatuses}>{(s) => <option value={s}>{t(itemStatusInfo[s])}</option>}</For>
              </select>
            </label>
            <label>
              {t({ vi: 'Tiến độ (%)', en: 'Progress (%)' })}
              <input name="progress" type="number" min="0" max="100" style={{ width: '6rem' }} placeholder={String(props.item.progress)} value={progress()} onInput={(e) => setProgress(e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Ngày', en: 'Date' })}
              <input name="noteOn" type="date" value={noteOn()} onInput={(e) => setNoteOn(e.currentTarget.value)} />
            </label>
            <label style={{ flex: 1, 'min-width': '14rem' }}>
              {t({ vi: 'Ghi nhận', en: 'Note' })}
              <input name="noteText" value={noteText()} onInput={(e) => setNoteText(e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Minh chứng: mã văn bản lưu trữ', en: 'Evidence: archive document id' })}
              <input name="docId" value={docId()} onInput={(e) => setDocId(e.currentTarget.value)} />
            </label>
            <label>
              {t({ vi: 'Tên minh chứng', en: 'Evidence label' })}
              <input name="docLabel" value={docLabel()} onInput={(e) => setDocLabel(e.currentTarget.value)} />
            </label>
            <button class="button" type="submit" disabled={busy()}>
              {t({ vi: 'Lưu', en: 'Save' })}
            </button>
            <button class="button secondary" type="button" onClick={() => setOpen(false)}>
              {t({ vi: 'Hủy', en: 'Cancel' })}
            </button>
          </form>
          <ErrorBox error={error()} />
        </Show>
      </Show>
    </div>
  );
}

/** Signing dialog: date, venue, one signatory per party (pre-filled), in force from signing. */
function SignDialog(props: { detail: Detail; onClose: () => void; onSigned: () => void }) {
  const a = props.detail.agreement;
  // Signature blocks follow the tenant's level: "TM. Thường trực HĐND phường …", "Chủ tịch UBND phường …".
  const unit = useOwnUnit();
  const prefill = () => a.parties.map((p) => {
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
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let dialog!: HTMLDialogElement;

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: SignInput = { version: a.version, ...form, signatories: form.signatories.map((s) => ({ ...s })) };
      await api(`/api/agreements/${a.id}/sign`, { method: 'POST', body: JSON.stringify(body) });
      dialog.close();
      props.onSigned();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={(el) => { dialog = el; queueMicrotask(() => el.showModal()); }} data-testid="sign-dialog" onClose={props.onClose}>
      <h2>{t({ vi: 'Ký kết văn bản', en: 'Sign the agreement' })}</h2>
      <form class="form" onSubmit={submit} onInput={() => (touched = true)}>
        <div class="grid-form">
          <label>
            {t({ vi: 'Ngày ký', en: 'Signing date' })}
            <input name="signedOn" type="date" required value={form.signedOn} onInput={(e) => setForm('signedOn', e.currentTarget.value)} />
          </label>
          <label>
            {t({ vi: 'Địa điểm', en: 'Venue' })}
            <input name="place" value={form.place} onInput={(e) => setForm('place', e.currentTarget.value)} />
          </label>
        </div>
        <h3>{t({ vi: 'Người ký', en: 'Signatories' })}</h3>
        <For each={form.signatories}>
          {(s, i) => (
            <div class="row-edit" data-testid="signatory">
              <select class="narrow-field" value={s.agency} onChange={(e) => setForm('signatories', i(), 'agency', e.currentTarget.value as typeof s.agency)}>
                <For each={agencyChoices()}>{(c) => <option value={c}>{agencyName(c) || t({ vi: 'Khác', en: 'Other' })}</option>}</For>
              </select>
              <input aria-label={t({ vi: 'Thẩm quyền ký', en: 'On behalf of' })} placeholder="TM. …" value={s.onBehalf} onInput={(e) => setForm('signatories', i(), 'onBehalf', e.currentTarget.value)} />
              <input name={`title-${i()}`} required aria-label={t({ vi: 'Chức vụ', en: 'Title' })} placeholder={t({ vi: 'Chức vụ', en: 'Title' })} value={s.title} onInput={(e) => setForm('signatories', i(), 'title', e.currentTarget.value)} />
              <input name={`name-${i()}`} required aria-label={t({ vi: 'Họ tên', en: 'Name' })} placeholder={t({ vi: 'Họ tên', en: 'Name' })} value={s.name} onInput={(e) => setForm('signatories', i(), 'name', e.currentTarget.value)} />
              <button type="button" class="button link" onClick={() => setForm('signatories', (list) => list.filter((_, j) => j !== i()))}>
                {t({ vi: 'Bỏ', en: 'Remove' })}
              </button>
            </div>
          )}
        </For>
        <p>
          <button type="button" class="button link" onClick={() => setForm('signatories', (list) => [...list, { agency: 'OTHER', onBehalf: '', title: '', name: '' }])}>
            + {t({ vi: 'Thêm người ký', en: 'Add signatory' })}
          </button>
        </p>
        <label style={{ 'flex-direction': 'row', 'align-items': 'center', gap: '0.5rem' }}>
          <input type="checkbox" checked={form.inForceFromSigning} onChange={(e) => setForm('inForceFromSigning', e.currentTarget.checked)} />
          {t({ vi: 'Có hiệu lực kể từ ngày ký', en: 'In force from the signing date' })}
        </label>
        <p class="muted">{t({ vi: 'Sau khi ký, nội dung chỉ thay đổi được bằng văn bản sửa đổi, bổ sung.', en: 'Once signed, the content changes only through an amendment.' })}</p>
        <ErrorBox error={error()} />
        <div class="actions">
          <button class="button" type="submit" data-testid="confirm-sign" disabled={busy()}>
            {t({ vi: 'Xác nhận ký kết', en: 'Confirm signing' })}
          </button>
          <button class="button secondary" type="button" onClick={() => dialog.close()}>
            {t({ vi: 'Hủy', en: 'Cancel' })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
