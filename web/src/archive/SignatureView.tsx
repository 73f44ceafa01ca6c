import { For, Show } from 'solid-js';
import { signatureProblems, signatureStatusLabels } from '../../../shared/archive/signature-labels.js';
import { hasIntactSignature, type SignatureCheck, type SignatureReport, type SignatureStatus } from '../../../shared/archive/signatures.js';
import { formatDateTime } from '../../../shared/format.js';
import { t, type Text } from '../i18n.js';

/** Who signed and when, as one line: "Nguyễn Văn An (UBND phường Tây Hồ), lúc 10:00 28/02/2024". */
function signedBy(s: SignatureReport): Text {
  const who = [s.signer?.commonName ?? t({ vi: 'không rõ người ký', en: 'signer unknown' }), s.signer?.organization ? ` (${s.signer.organization})` : ''].join(
    '',
  );
  const at = s.signingTime ?? s.claimedTime;
  return { vi: `${who}${at ? `, lúc ${formatDateTime(at)}` : ''}`, en: `${who}${at ? `, at ${formatDateTime(at)}` : ''}` };
}

const integrityLabels: Record<SignatureReport['integrity'], Text> = {
  intact: { vi: 'toàn vẹn', en: 'intact' },
  broken: { vi: 'KHÔNG toàn vẹn', en: 'NOT intact' },
  unverifiable: { vi: 'không kiểm tra được', en: 'cannot be verified' },
};

const trustLabels: Record<NonNullable<SignatureReport['trust']>, Text> = {
  trusted: { vi: 'chứng thư được tin cậy', en: 'trusted certificate' },
  untrusted: { vi: 'chứng thư không được tin cậy', en: 'certificate not trusted' },
  'no-trust-anchors': { vi: 'chưa cấu hình tổ chức chứng thực tin cậy', en: 'no trust anchors configured' },
};

/** One line of the verdict: "Đã ký số bởi …, lúc …, toàn vẹn" or what went wrong. */
export function signatureHeadline(check: SignatureCheck): Text {
  const last = check.signatures.filter((s) => s.integrity === 'intact').pop();
  if (hasIntactSignature(check) && last) {
    const by = signedBy(last);
    const whole = check.modifiedAfterSigning
      ? { vi: 'có nội dung được thêm sau khi ký', en: 'content was added after signing' }
      : { vi: 'toàn vẹn', en: 'intact' };
    return { vi: `Đã ký số bởi ${by.vi}, ${whole.vi}`, en: `Digitally signed by ${by.en}, ${whole.en}` };
  }
  const problem = check.problem ?? check.signatures.find((s) => s.problem)?.problem;
  const label = signatureStatusLabels[check.status];
  return problem ? { vi: `${label.vi}: ${signatureProblems[problem].vi}`, en: `${label.en}: ${signatureProblems[problem].en}` } : label;
}

const tone = (status: SignatureStatus) => (status === 'trusted' ? 'ok' : status === 'broken' || status === 'unverifiable' ? 'error' : 'muted');

/** The signature check of one version: the verdict, then each signature (signer, certificate, time, integrity, trust). */
export function SignatureView(props: { check: SignatureCheck; testId?: string }) {
  return (
    <div class="archive-signature" data-testid={props.testId ?? 'signature'} data-status={props.check.status}>
      <p class={tone(props.check.status)} role="status">
        <strong>{t(signatureHeadline(props.check))}</strong>
        <Show when={hasIntactSignature(props.check)}>
          <br />
          {t(signatureStatusLabels[props.check.status])}
        </Show>
      </p>
      <Show when={props.check.signatures.length}>
        <ol class="archive-signature-list">
          <For each={props.check.signatures}>
            {(s) => (
              <li data-testid={`signature-${s.index}`}>
                {t(signedBy(s))} — {t(integrityLabels[s.integrity])}
                <Show when={s.trust}>{(trust) => <> · {t(trustLabels[trust()])}</>}</Show>
                <Show when={s.problem}>{(p) => <> · {t(signatureProblems[p()])}</>}</Show>
                <Show when={!s.coversWholeFile && s.integrity === 'intact'}>
                  {' '}
                  · {t({ vi: 'tệp có phần được thêm sau chữ ký này', en: 'the file was extended after this signature' })}
                </Show>
                <Show when={s.signer}>
                  {(c) => (
                    <span class="muted">
                      <br />
                      {t({ vi: 'Số sê-ri chứng thư', en: 'Certificate serial' })}: <code>{c().serialNumber}</code> · {t({ vi: 'Tổ chức cấp', en: 'Issued by' })}
                      : {[c().issuerCommonName, c().issuerOrganization].filter(Boolean).join(', ') || '—'}
                    </span>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <p class="muted">
        {t({
          vi: `Kiểm tra lúc ${formatDateTime(props.check.checkedAt)} (${props.check.verifier}). Không kiểm tra thu hồi chứng thư (CRL/OCSP).`,
          en: `Checked ${formatDateTime(props.check.checkedAt)} (${props.check.verifier}). Certificate revocation (CRL/OCSP) is not checked.`,
        })}
      </p>
    </div>
  );
}

/** Short verdict for a list cell. */
export function signatureBadge(status: SignatureStatus | undefined): Text | null {
  if (!status || status === 'not-signed') return null;
  const short: Record<Exclude<SignatureStatus, 'not-signed'>, Text> = {
    trusted: { vi: 'Ký số hợp lệ', en: 'Signed, trusted' },
    untrusted: { vi: 'Ký số (CA không tin cậy)', en: 'Signed, untrusted CA' },
    'no-trust-anchors': { vi: 'Ký số (chưa kiểm tra CA)', en: 'Signed (CA not checked)' },
    broken: { vi: 'Chữ ký không hợp lệ', en: 'Invalid signature' },
    unverifiable: { vi: 'Không kiểm tra được chữ ký', en: 'Signature unverifiable' },
  };
  return short[status];
}
