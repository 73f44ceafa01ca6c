import { createEffect, createResource, For, on, Show } from 'solid-js';
import { provinceLocalitiesSchema } from '../../../shared/localities/views.js';
import { api } from '../api.js';
import { t } from '../i18n.js';
import { createTypeAhead } from '../ui/combobox.js';
import '../ui/ui.css';
import type { ProvinceItem, Unit } from './SignUp.jsx';

/** How many matches the type-ahead shows at once (Thành phố Hồ Chí Minh alone has 168 units). */
const SHOWN = 12;

/**
 * WAI-ARIA combobox with a list box: type part of the name (accents optional) or the code; ↓/↑ move,
 * Enter picks, Esc closes. The API does the diacritics-insensitive matching.
 */
export function LocalityCombobox(props: { province: ProvinceItem | undefined; value: Unit | null; onChange: (u: Unit | null) => void }) {
  const typeAhead = createTypeAhead(150);
  const { text, setText, query, setQuery, open, setOpen, active, setActive } = typeAhead;

  // A new province starts the search afresh.
  createEffect(
    on(
      () => props.province?.code,
      () => {
        setText('');
        setQuery('');
        setOpen(false);
      },
      { defer: true },
    ),
  );

  const [matches] = createResource(
    () => (props.province ? { p: props.province.code, q: query() } : false),
    ({ p, q }) =>
      api
        .get(`/api/localities/${p}?${new URLSearchParams({ ...(q ? { q } : {}), limit: String(SHOWN + 1) })}`, provinceLocalitiesSchema)
        .then((r) => r.localities),
  );
  const shown = () => (matches.error ? [] : (matches.latest ?? []).slice(0, SHOWN));
  const more = () => (matches.latest?.length ?? 0) > SHOWN;

  const type = (value: string) => {
    typeAhead.type(value);
    props.onChange(null);
  };
  const pick = (u: Unit) => {
    props.onChange(u);
    setText(u.name);
    setOpen(false);
  };
  const keydown = typeAhead.keydown(shown, pick);
  const optionId = (code: string) => `signup-locality-${code}`;

  return (
    <div class="combo">
      <label for="signup-locality">{t({ vi: 'Xã, phường, đặc khu', en: 'Commune, ward or special zone' })}</label>
      <div class="combo-field">
        <input
          id="signup-locality"
          name="locality"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded={open() && shown().length > 0}
          aria-controls="signup-locality-options"
          aria-activedescendant={open() && shown()[active()] ? optionId(shown()[active()]!.code) : undefined}
          aria-describedby="signup-locality-hint"
          disabled={!props.province}
          placeholder={t({ vi: 'Gõ tên, không cần dấu (vd: ngoc ha)', en: 'Type the name, accents optional (e.g. ngoc ha)' })}
          value={text()}
          onInput={(e) => type(e.currentTarget.value)}
          onFocus={() => props.province && !props.value && setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={keydown}
        />
        <Show when={open() && shown().length > 0}>
          <div
            id="signup-locality-options"
            role="listbox"
            class="listbox combo-list"
            data-testid="locality-options"
            aria-label={t({ vi: 'Đơn vị phù hợp', en: 'Matching units' })}
          >
            <For each={shown()}>
              {(u, i) => (
                // Focus stays in the input (aria-activedescendant); options are reachable by the arrow keys.
                <div
                  id={optionId(u.code)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i() === active()}
                  classList={{ active: i() === active() }}
                  data-code={u.code}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(u);
                  }}
                  onMouseEnter={() => setActive(i())}
                >
                  {u.name} <span class="muted">· {u.code}</span>
                </div>
              )}
            </For>
            <Show when={more()}>
              <div class="muted listbox-note" aria-hidden="true">
                {t({ vi: 'Gõ thêm để thu hẹp…', en: 'Type more to narrow down…' })}
              </div>
            </Show>
          </div>
        </Show>
      </div>
      <p id="signup-locality-hint" class="hint" data-testid="locality-hint" aria-live="polite">
        <Show
          when={props.value}
          fallback={
            <Show when={props.province} fallback={t({ vi: 'Chọn tỉnh/thành phố trước.', en: 'Choose the province first.' })}>
              {(p) =>
                open() && query() && !matches.loading && shown().length === 0
                  ? t({ vi: 'Không có đơn vị nào khớp.', en: 'No unit matches.' })
                  : t({ vi: `${p().name} có ${p().localityCount} đơn vị cấp xã.`, en: `${p().name} has ${p().localityCount} commune-level units.` })
              }
            </Show>
          }
        >
          {(u) => (
            <span data-testid="locality-chosen">
              {t({ vi: 'Đã chọn', en: 'Chosen' })}: <strong>{u().name}</strong> ({t({ vi: 'mã', en: 'code' })} {u().code})
            </span>
          )}
        </Show>
      </p>
    </div>
  );
}
