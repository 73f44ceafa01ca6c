import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { agreementDetailSchema, fullTitle, periodLabel } from '../../../shared/agreements/schema.js';
import { formatDate } from '../../../shared/format.js';
import { api } from '../api.js';
import { lang, t, ui } from '../i18n.js';
import { Async, focusHeading, BackLink } from '../ui/index.js';
import { AgreementActions } from './AgreementActions.jsx';
import { AgreementSections } from './AgreementSections.jsx';
import { canWrite, StatusBadge, useLocality, withLocality } from './common.jsx';
import { FollowButton } from '../notifications/FollowButton.jsx';

/** The agreements that follow this one: its draft amendment, then the amendment that replaced it. */
const laterAgreements = [
  { key: 'amendedBy', term: { vi: 'Dự thảo sửa đổi', en: 'Draft amendment' }, link: { vi: 'Mở dự thảo sửa đổi', en: 'Open the draft amendment' } },
  { key: 'supersededBy', term: { vi: 'Được thay thế bởi', en: 'Superseded by' }, link: { vi: 'Văn bản sửa đổi', en: 'The amendment' } },
] as const;

/** One agreement: header, lifecycle actions, items with progress and timeline, articles, signing, reviews. */
export function AgreementDetailPage() {
  focusHeading();
  const params = useParams<{ id: string }>();
  const locality = useLocality();
  const [detail, { refetch }] = createResource(
    () => ({ id: params.id, locality: locality() }),
    (k) => api.get(withLocality(`/api/agreements/${k.id}`, k.locality), agreementDetailSchema),
  );
  const writable = () => canWrite(locality());
  const reload = async () => {
    await refetch();
  };

  return (
    <section>
      <BackLink href={withLocality('/agreements', locality())} label={ui.nav.agreements} />
      <Async of={detail} errorTestId="form-error">
        {(d) => {
          const a = () => d().agreement;
          return (
            <>
              <h1 data-testid="agreement-title">{fullTitle(a(), lang())}</h1>
              <Show when={!locality()}>
                <FollowButton type="agreement" id={a().id} />
              </Show>
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
                <dd>
                  {a()
                    .parties.map((p) => p.name)
                    .join('; ')}
                </dd>
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
                        <A href={withLocality(`/agreements/${m().id}`, locality())}>{m().number || m().title}</A> ({t({ vi: 'lần', en: 'revision' })}{' '}
                        {a().revision - 1}): {a().amendmentReason}
                      </dd>
                    </>
                  )}
                </Show>
                <For each={laterAgreements}>
                  {(later) => (
                    <Show when={a()[later.key]}>
                      {(id) => (
                        <>
                          <dt>{t(later.term)}</dt>
                          <dd>
                            <A href={withLocality(`/agreements/${id()}`, locality())}>{t(later.link)}</A>
                          </dd>
                        </>
                      )}
                    </Show>
                  )}
                </For>
              </dl>
              {/* Notes for whoever enters the data (sources, gaps): not part of the record readers see. */}
              <Show when={writable() && a().remarks}>
                <details class="remarks" data-testid="remarks">
                  <summary>{t({ vi: 'Ghi chú nhập liệu (chỉ người nhập liệu thấy)', en: 'Data-entry remarks (shown to editors only)' })}</summary>
                  <p>{a().remarks}</p>
                </details>
              </Show>

              <AgreementActions detail={d()} writable={writable()} locality={locality()} reload={reload} />
              <AgreementSections detail={d()} writable={writable()} locality={locality()} reload={reload} />
            </>
          );
        }}
      </Async>
    </section>
  );
}
