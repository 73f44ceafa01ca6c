import { createResource, For, Show } from 'solid-js';
import { can } from '../../../shared/roles.js';
import { t, type Text } from '../i18n.js';
import { session } from '../session.js';
import { provinceUnits } from '../tenancy/locality.jsx';
import { Field } from './Field.jsx';

const viewing: Text = { vi: 'Đơn vị xem', en: 'Viewing' };
const ownLevel: Text = { vi: 'Cấp tỉnh (của tỉnh)', en: 'Province level (own)' };

/**
 * Province staff: read their own province's records, or one unit's (read-only) — the current
 * communes, wards and special zones, and as history the 2025 districts of the province and of the
 * provinces merged into it. Others never see it.
 */
export function LocalityPicker(props: {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  testId?: string;
  label?: Text;
  ownLabel?: Text;
  name?: string;
}) {
  const province = () => {
    const s = session();
    return s && s.identity.localityCode === null && s.identity.provinceCode && can(s.identity.role, 'province:read') ? s.identity.provinceCode : null;
  };
  const [units] = createResource(province, provinceUnits);
  return (
    <Show when={province()}>
      <Field label={props.label ?? viewing}>
        <select
          name={props.name ?? 'locality'}
          data-testid={props.testId ?? 'locality-picker'}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.currentTarget.value || undefined)}
        >
          <option value="">{t(props.ownLabel ?? ownLevel)}</option>
          <optgroup label={t({ vi: 'Xã, phường, đặc khu', en: 'Communes, wards, special zones' })}>
            <For each={units()?.current ?? []}>{(u) => <option value={u.code}>{u.name}</option>}</For>
          </optgroup>
          <For each={units()?.historical ?? []}>
            {(h) => (
              <optgroup label={t({ vi: `Quận, huyện của ${h.province.name} (trước 01/07/2025)`, en: `Districts of ${h.province.name} (before 01/07/2025)` })}>
                <For each={h.units}>{(u) => <option value={u.code}>{u.name}</option>}</For>
              </optgroup>
            )}
          </For>
        </select>
      </Field>
    </Show>
  );
}
