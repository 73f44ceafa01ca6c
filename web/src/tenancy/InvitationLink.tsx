import { createSignal } from 'solid-js';
import { t } from '../i18n.js';
import { noEmailNotice } from './labels.js';

/** The invitation link to hand over (no email is sent): absolute URL, copy button, notice. */
export function InvitationLink(props: { link: string; email: string }) {
  const url = () => `${location.origin}${props.link}`;
  const [copied, setCopied] = createSignal(false);
  return (
    <div class="panel success" data-testid="invitation">
      <p>
        {t({ vi: 'Đường dẫn mời cho', en: 'Invitation link for' })} <strong>{props.email}</strong>:
      </p>
      <div class="linkbox">
        <input readonly value={url()} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
        <button
          class="button secondary"
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(url()).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied() ? t({ vi: 'Đã sao chép', en: 'Copied' }) : t({ vi: 'Sao chép', en: 'Copy' })}
        </button>
      </div>
      <p class="hint">{t(noEmailNotice)}</p>
    </div>
  );
}
