import { vietnamToday } from '../../../shared/dates.js';
import { For, Show } from 'solid-js';
import { agencyLabels, itemStatusInfo, statusLabels, type AgencyCode, type AgreementStatus, type ItemStatus } from '../../../shared/agreements/schema.js';
import type { Unit } from '../../../shared/agreements/parties.js';
import { t } from '../i18n.js';
import { ErrorAlert } from '../ui/ErrorAlert.jsx';
import { downloadFile } from '../ui/download.js';
import { canWriteHere, ownTenant, useLocality as useLocalityParam, withLocality } from '../tenancy/locality.jsx';
import './agreements.css';

export { withLocality };

/** The tenant read through `?locality=` (province drill-down, a commune's predecessor), else null: the own tenant. */
export function useLocality(): () => string | null {
  const locality = useLocalityParam();
  return () => locality() ?? null;
}

/** Writes are for the own tenant only, by roles with tenant:write, never in closed history or while reading another tenant. */
export function canWrite(locality: string | null): boolean {
  return canWriteHere(locality);
}

/**
 * The signed-in user's own tenant as documents name it (level and official name), from its profile
 * (`GET /api/tenancy/tenant`, loaded once per session): parties, signatories and headings follow it.
 */
export function useOwnUnit(): () => Unit | undefined {
  return () => {
    const tn = ownTenant();
    return tn ? { level: tn.kind, name: tn.name, ...(tn.localityType ? { type: tn.localityType } : {}) } : undefined;
  };
}

export function StatusBadge(props: { status: AgreementStatus }) {
  return (
    <span class={`badge status-${props.status}`} data-testid="agreement-status">
      {t(statusLabels[props.status])}
    </span>
  );
}

export function ItemStatusBadge(props: { status: ItemStatus; overdue?: boolean }) {
  return (
    <>
      <span class={`badge item-${props.status}`}>{t(itemStatusInfo[props.status])}</span>
      <Show when={props.overdue}>
        <span class="badge overdue" data-testid="overdue">
          {t({ vi: 'Quá hạn', en: 'Overdue' })}
        </span>
      </Show>
    </>
  );
}

export function ProgressBar(props: { value: number; label?: string }) {
  return (
    <div
      class="progress"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow={props.value}
      aria-label={props.label ?? t({ vi: 'Tiến độ', en: 'Progress' })}
    >
      <div class="progress-fill" style={{ width: `${props.value}%` }} />
      <span class="progress-text">{props.value}%</span>
    </div>
  );
}

export function agencyName(code: AgencyCode): string {
  return t({ vi: agencyLabels[code].short || agencyLabels[code].vi, en: agencyLabels[code].en });
}

/** The agency of a party or a signatory: a narrow drop-down named "Cơ quan" ("Khác" for an agency without a name). */
export function AgencySelect(props: { choices: readonly AgencyCode[]; value: AgencyCode; onValue: (agency: AgencyCode) => void; name?: string }) {
  return (
    <select
      class="narrow-field"
      aria-label={t({ vi: 'Cơ quan', en: 'Agency' })}
      name={props.name}
      value={props.value}
      onChange={(e) => props.onValue(e.currentTarget.value as AgencyCode)}
    >
      <For each={props.choices}>{(c) => <option value={c}>{agencyName(c) || t({ vi: 'Khác', en: 'Other' })}</option>}</For>
    </select>
  );
}

/** A refused write on an agreement form (problem+json per field). */
export function ErrorBox(props: { error: unknown }) {
  return <ErrorAlert error={props.error} testId="form-error" />;
}

/** Downloads an authenticated file (the .docx exports) through the typed client. */
export function download(path: string): Promise<void> {
  return downloadFile(path, 'van-ban.docx');
}

/** Today in Vietnam, yyyy-mm-dd (default for date inputs). */
export function todayVN(): string {
  return vietnamToday(new Date());
}

export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
