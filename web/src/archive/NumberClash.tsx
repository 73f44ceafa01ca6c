import { A } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { documentTypeLabel } from '../../../shared/archive/schema.js';
import { formatDate } from '../../../shared/format.js';
import { t } from '../i18n.js';
import { useLocality, withLocality } from '../tenancy/locality.jsx';
import { numberCheck } from './api.js';

/**
 * Warns, while the form is being filled, when the tenant's register already holds this number and
 * symbol for one of the issuing agencies (Decree 30/2020: numbers never repeat). A warning, not a
 * refusal: the clerk decides (a re-scan of the same document belongs as a new version).
 */
export function NumberClash(props: { numberSymbol: string; agencies: string[]; documentId?: string }) {
  const locality = useLocality();
  const [query, setQuery] = createSignal<{ numberSymbol: string; agencies: string[] } | null>(null);
  createEffect(() => {
    const numberSymbol = props.numberSymbol.trim();
    const agencies = props.agencies;
    // Asked once typing pauses, and only when the number or the agencies changed.
    const next = numberSymbol && agencies.length ? { numberSymbol, agencies } : null;
    const timer = setTimeout(() => {
      if (JSON.stringify(next) !== JSON.stringify(query())) setQuery(next);
    }, 400);
    onCleanup(() => clearTimeout(timer));
  });
  const [result] = createResource(query, (q) => numberCheck(q.numberSymbol, q.agencies, props.documentId, locality()));
  return (
    <Show when={result()?.clashes.length}>
      <div class="error" role="status" data-testid="number-clash">
        <strong>
          {t({
            vi: 'Số, ký hiệu này đã có trong sổ văn bản của đơn vị với cùng cơ quan ban hành:',
            en: 'This number and symbol is already in the register for the same issuing agency:',
          })}
        </strong>
        <ul>
          <For each={result()!.clashes}>
            {(c) => (
              <li>
                <A href={withLocality(`/archive/${c.documentId}`, locality())}>
                  {t(documentTypeLabel(c.type))} {c.numberSymbol}
                </A>{' '}
                — {formatDate(c.signedOn)}, {c.issuingAgencies.join('; ')}
                {c.deleted ? ` (${t({ vi: 'đã xoá', en: 'deleted' })})` : ''}
              </li>
            )}
          </For>
        </ul>
        {t({ vi: 'Kiểm tra lại trước khi lưu.', en: 'Check before saving.' })}
      </div>
    </Show>
  );
}
