import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { t, type Text } from '../i18n.js';
import './ui.css';

export type Sort = { key: string; desc: boolean };

/** One column: its header, how a row shows in it, and (when sortable) the value it sorts by. */
export type Column<T> = {
  id: string;
  header: Text;
  cell: (row: T) => JSX.Element;
  sort?: (row: T) => string | number;
  /** First click sorts descending (counts, dates). */
  descFirst?: boolean;
  num?: boolean;
  /**
   * What the header means in full, and the short form reports use ("ND", "KH", "CTr"): a tooltip
   * on hover and on keyboard focus (the header is a focusable button or abbr), and the header's
   * accessible description.
   */
  hint?: Text;
  /** Actions column: the header is read by screen readers only. */
  hiddenHeader?: boolean;
  testId?: string;
};

type RowAttrs = Record<string, string | undefined> & { class?: string };

/**
 * A table as data, declared once beside its columns: what it shows and how it is named, apart from
 * where its rows come from. Pages spread it into DataTable or PagedTable.
 */
export type Table<T> = {
  columns: Column<T>[];
  label: Text;
  testId?: string;
  empty?: Text;
  emptyTestId?: string;
  rowAttrs?: (row: T) => RowAttrs;
};

export const emptyText: Text = { vi: 'Không có dữ liệu.', en: 'Nothing to show.' };

export function sortRows<T>(rows: readonly T[], columns: Column<T>[], sort: Sort | undefined): T[] {
  const value = sort && columns.find((c) => c.id === sort.key)?.sort;
  if (!sort || !value) return [...rows];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return sort.desc ? -c : c;
  });
}

/**
 * The app's one table: header buttons sort (aria-sort says how), an empty state instead of an empty
 * table, and on phones it scrolls inside its own box (focusable, named) or — `stack` — shows each row
 * as labelled lines. Sorting is internal unless `sort`/`onSort` are given (two tables sharing one order).
 */
export function DataTable<T>(
  props: Table<T> & {
    rows: readonly T[];
    sort?: Sort;
    initialSort?: Sort;
    onSort?: (sort: Sort) => void;
    stack?: boolean;
    /** Show the label above the table as its section heading (h2), empty or not. */
    heading?: boolean;
    /** A totals row, under the rows. */
    footer?: JSX.Element;
  },
) {
  const [ownSort, setOwnSort] = createSignal<Sort | undefined>(props.initialSort);
  const sort = () => props.sort ?? ownSort();
  const rows = createMemo(() => sortRows(props.rows, props.columns, sort()));
  const toggle = (column: Column<T>) => {
    const current = sort();
    const next = { key: column.id, desc: current?.key === column.id ? !current.desc : !!column.descFirst };
    setOwnSort(next);
    props.onSort?.(next);
  };
  return (
    <>
      <Show when={props.heading}>
        <h2>{t(props.label)}</h2>
      </Show>
      <Show
        when={props.rows.length > 0}
        fallback={
          <p class="table-empty" data-testid={props.emptyTestId ?? (props.testId ? `${props.testId}-empty` : undefined)}>
            {t(props.empty ?? emptyText)}
          </p>
        }
      >
        {/* A scrolling region must be reachable by keyboard (and named). */}
        <section class="table-box" aria-label={t(props.label)} tabindex="0">
          <table class="dt" classList={{ stack: !!props.stack }} data-testid={props.testId}>
            <thead>
              <tr>
                <For each={props.columns}>
                  {(column) => (
                    <th
                      scope="col"
                      classList={{ num: !!column.num }}
                      aria-sort={column.sort && sort()?.key === column.id ? (sort()!.desc ? 'descending' : 'ascending') : undefined}
                    >
                      <Show when={!column.hiddenHeader} fallback={<span class="sr-only">{t(column.header)}</span>}>
                        <Show
                          when={column.sort}
                          fallback={
                            <Show when={column.hint} fallback={t(column.header)}>
                              {(hint) => (
                                <abbr class="th-hint" title={t(hint())} tabindex="0" data-hint={t(hint())}>
                                  {t(column.header)}
                                </abbr>
                              )}
                            </Show>
                          }
                        >
                          <button
                            class="sort"
                            classList={{ 'th-hint': !!column.hint }}
                            type="button"
                            data-sort={column.id}
                            title={column.hint ? t(column.hint) : undefined}
                            data-hint={column.hint ? t(column.hint) : undefined}
                            onClick={() => toggle(column)}
                          >
                            {t(column.header)}
                            {sort()?.key === column.id ? (sort()!.desc ? ' ▼' : ' ▲') : ''}
                          </button>
                        </Show>
                      </Show>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr {...(props.rowAttrs?.(row) ?? {})}>
                    <For each={props.columns}>
                      {(column) => (
                        <td classList={{ num: !!column.num }} data-label={t(column.header)} data-testid={column.testId}>
                          {column.cell(row)}
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
            <Show when={props.footer}>
              <tfoot>{props.footer}</tfoot>
            </Show>
          </table>
        </section>
      </Show>
    </>
  );
}
