import { Show } from 'solid-js';
import { t, ui } from '../i18n.js';
import { DataTable, type Table } from './DataTable.jsx';
import { ErrorAlert } from './ErrorAlert.jsx';
import { LoadMore } from './paged.jsx';

type List<T> = { items: () => T[]; next: () => string | null; busy: () => boolean; loaded: () => boolean; error: () => unknown; loadMore: () => void };

/** A paged list as a table: its error, "Đang tải…" until the first page, the table or its empty state, "Xem thêm". */
export function PagedTable<T>(props: Table<T> & { list: List<T>; moreTestId?: string; errorTestId?: string }) {
  return (
    <>
      <ErrorAlert error={props.list.error()} testId={props.errorTestId} />
      <Show
        when={props.list.loaded()}
        fallback={
          <Show when={!props.list.error()}>
            <p role="status">{t(ui.loading)}</p>
          </Show>
        }
      >
        <DataTable
          rows={props.list.items()}
          columns={props.columns}
          label={props.label}
          testId={props.testId}
          empty={props.empty}
          emptyTestId={props.emptyTestId}
          rowAttrs={props.rowAttrs}
          stack
        />
      </Show>
      <LoadMore list={props.list} testId={props.moreTestId} />
    </>
  );
}
