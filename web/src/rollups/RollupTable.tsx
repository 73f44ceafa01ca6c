import { A } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { formatDate } from '../../../shared/format.js';
import type { DashboardRow, DashboardTotals } from '../../../shared/rollups/schema.js';
import { tenantResultSchema } from '../../../shared/tenancy/schema.js';
import { api } from '../api.js';
import { t, type Text } from '../i18n.js';
import { withLocality } from '../tenancy/locality.jsx';
import { type Column, ConfirmDialog, createAction, DataTable, type Sort } from '../ui/index.js';

export type DataEntry = { open: boolean; version?: number };

/** The figures the year filter cannot narrow: the roll-up counts them as of today. */
export const asOfToday: Text = { vi: 'tính đến hôm nay', en: 'as of today' };

export function Totals(props: { totals: DashboardTotals; year: number; unit: Text; testId: string }) {
  return (
    <ul class="kpis" data-testid={props.testId}>
      <li>
        <strong data-testid={`${props.testId}-count`}>{props.totals.localities}</strong> {t(props.unit)}
      </li>
      <li class={props.totals.withoutSignedProgram ? 'warn' : ''}>
        <strong>{props.totals.withoutSignedProgram}</strong> {t({ vi: `chưa ký chương trình ${props.year}`, en: `without a signed ${props.year} program` })}
      </li>
      <li class={props.totals.itemsOverdueInYear ? 'warn' : ''} data-testid={`${props.testId}-items-year`}>
        <strong>{props.totals.itemsDueInYear}</strong>{' '}
        {t({ vi: `nội dung đến hạn năm ${props.year} chưa hoàn thành`, en: `items due in ${props.year} not done` })} ({props.totals.itemsOverdueInYear}{' '}
        {t({ vi: 'quá hạn', en: 'overdue' })})
      </li>
      <li class={props.totals.recommendationsOverdueInYear ? 'warn' : ''} data-testid={`${props.testId}-recs-year`}>
        <strong>{props.totals.recommendationsDueInYear}</strong>{' '}
        {t({ vi: `kiến nghị đến hạn năm ${props.year} chưa giải quyết`, en: `recommendations due in ${props.year} still open` })} (
        {props.totals.recommendationsOverdueInYear} {t({ vi: 'quá hạn', en: 'overdue' })})
      </li>
      <li data-testid={`${props.testId}-agreements`}>
        <strong>{props.totals.agreements}</strong> {t({ vi: 'quy chế, chương trình, kế hoạch', en: 'agreements' })} <span class="muted">({t(asOfToday)})</span>
      </li>
      <li class={props.totals.itemsOverdue ? 'warn' : ''}>
        <strong>{props.totals.itemsOverdue}</strong> {t({ vi: 'nội dung quá hạn', en: 'overdue items' })} <span class="muted">({t(asOfToday)})</span>
      </li>
      <li>
        <strong>{props.totals.recommendationsOpen}</strong> {t({ vi: 'kiến nghị chưa giải quyết', en: 'open recommendations' })} (
        {props.totals.recommendationsOverdue} {t({ vi: 'quá hạn', en: 'overdue' })}) <span class="muted">({t(asOfToday)})</span>
      </li>
      <li>
        <strong>{props.totals.documents}</strong> {t({ vi: 'văn bản lưu trữ', en: 'archived documents' })} <span class="muted">({t(asOfToday)})</span>
      </li>
    </ul>
  );
}

/** What names the two tables: the current units, and the historical ones (2025 districts, merged provinces). */
const tables = {
  current: { testId: 'rollup-table', nameLabel: { vi: 'Xã, phường, đặc khu', en: 'Commune, ward, special zone' } },
  historical: { testId: 'historical-table', nameLabel: { vi: 'Quận, huyện, tỉnh (2025)', en: 'District, province (2025)' } },
} satisfies Record<string, { testId: string; nameLabel: Text }>;

/** The same columns for the current units and the historical ones; both share one sort order. */
export function RollupTable(props: {
  rows: DashboardRow[];
  year: number;
  sort: Sort;
  onSort: (s: Sort) => void;
  historical?: boolean;
  provinceCode?: string;
  extra?: { header: Text; cell: (r: DashboardRow) => JSX.Element };
}) {
  const table = () => (props.historical ? tables.historical : tables.current);
  const count = (id: string, header: Text, value: (r: DashboardRow) => number, warn = false, hint?: Text): Column<DashboardRow> => ({
    id,
    header,
    ...(hint ? { hint } : {}),
    descFirst: true,
    sort: value,
    cell: (r) => (warn && value(r) > 0 ? <span class="num-warn">{value(r)}</span> : value(r)),
  });
  const columns = (): Column<DashboardRow>[] => [
    {
      id: 'name',
      header: table().nameLabel,
      sort: (r) => r.name,
      cell: (r) => (
        <>
          <Show when={r.localityCode} fallback={<span>{r.name}</span>}>
            {(code) => <A href={withLocality('/province/locality', code())}>{r.name}</A>}
          </Show>
          <Show when={props.historical && r.provinceCode !== props.provinceCode && r.level !== 'province'}>
            <div class="muted">{r.provinceCode}</div>
          </Show>
        </>
      ),
    },
    {
      id: 'type',
      header: { vi: 'Loại', en: 'Type' },
      sort: (r) => r.type,
      cell: (r) => (
        <>
          {r.type}
          <Show when={r.validUntil}>{(v) => <div class="muted">{t({ vi: `đến ${formatDate(v())}`, en: `until ${formatDate(v())}` })}</div>}</Show>
        </>
      ),
    },
    {
      id: 'programSigned',
      header: { vi: `Chương trình ${props.year}`, en: `${props.year} program` },
      hint: {
        vi: `Viết tắt: CTr — chương trình phối hợp năm ${props.year} đã ký hay chưa`,
        en: `Short form: CTr — whether the ${props.year} coordination program is signed`,
      },
      descFirst: true,
      sort: (r) => (r.programSigned ? 1 : 0),
      cell: (r) =>
        r.programSigned ? (
          <span class="ok">{t({ vi: 'Đã ký', en: 'Signed' })}</span>
        ) : props.historical ? (
          <span class="muted">{t({ vi: 'Không', en: 'No' })}</span>
        ) : (
          <span class="badge-warn">{t({ vi: 'Chưa ký', en: 'Not signed' })}</span>
        ),
    },
    count('itemsDueYear', { vi: `Nội dung đến hạn năm ${props.year}`, en: `Items due in ${props.year}` }, (r) => r.inYear.itemsDue, false, {
      vi: `Viết tắt: ND — nội dung của chương trình, kế hoạch phối hợp có thời hạn trong năm ${props.year}, chưa hoàn thành`,
      en: `Short form: ND — program and plan items due in ${props.year} and not done yet`,
    }),
    count('itemsOverdueYear', { vi: 'Trong đó quá hạn', en: 'Of which overdue' }, (r) => r.inYear.itemsOverdue, true, {
      vi: `Nội dung đến hạn năm ${props.year} đã quá hạn mà chưa hoàn thành`,
      en: `Items due in ${props.year} past their deadline and not done`,
    }),
    count('recDueYear', { vi: `Kiến nghị đến hạn năm ${props.year}`, en: `Recommendations due in ${props.year}` }, (r) => r.inYear.recommendationsDue, false, {
      vi: `Kiến nghị giám sát có thời hạn trong năm ${props.year}, chưa giải quyết xong`,
      en: `Supervision recommendations due in ${props.year}, not resolved yet`,
    }),
    count('recOverdueYear', { vi: 'Trong đó quá hạn', en: 'Of which overdue' }, (r) => r.inYear.recommendationsOverdue, true, {
      vi: `Kiến nghị đến hạn năm ${props.year} đã quá hạn mà chưa giải quyết xong`,
      en: `Recommendations due in ${props.year} past their deadline and still open`,
    }),
    count('agreements', { vi: 'Văn bản phối hợp', en: 'Agreements' }, (r) => Object.values(r.agreementsByKind).reduce((a, b) => a + b, 0), false, {
      vi: 'Quy chế, chương trình, kế hoạch phối hợp — tính đến hôm nay',
      en: 'Regulations, programs and plans — as of today',
    }),
    count('itemsDone', { vi: 'Nội dung hoàn thành', en: 'Items done' }, (r) => r.items.done, false, {
      vi: 'Viết tắt: ND hoàn thành — mọi nội dung đã hoàn thành, tính đến hôm nay',
      en: 'Short form: ND — every item done, as of today',
    }),
    count('plans', { vi: 'Kế hoạch giám sát', en: 'Supervision plans' }, (r) => Object.values(r.plansByStatus).reduce((a, b) => a + b, 0), false, {
      vi: 'Viết tắt: KH giám sát — mọi kế hoạch giám sát, tính đến hôm nay',
      en: 'Short form: KH — every supervision plan, as of today',
    }),
    count('documents', { vi: 'Văn bản lưu trữ', en: 'Documents' }, (r) => r.documents, false, {
      vi: 'Văn bản trong kho lưu trữ — tính đến hôm nay',
      en: 'Documents in the archive — as of today',
    }),
    {
      id: 'lastActivity',
      header: { vi: 'Hoạt động gần nhất', en: 'Last activity' },
      descFirst: true,
      sort: (r) => r.lastActivityAt ?? '',
      cell: (r) => (r.lastActivityAt ? formatDate(r.lastActivityAt) : '—'),
    },
    ...(props.extra ? [{ id: 'extra', header: props.extra.header, cell: props.extra.cell }] : []),
  ];
  return (
    <DataTable
      rows={props.rows}
      columns={columns()}
      label={table().nameLabel}
      testId={table().testId}
      empty={{ vi: 'Không có đơn vị nào phù hợp bộ lọc.', en: 'No unit matches the filters.' }}
      sort={props.sort}
      onSort={props.onSort}
      rowAttrs={(r) => ({
        'data-locality': r.localityCode ?? `P${r.provinceCode}`,
        'data-level': r.level,
        class: !props.historical && !r.programSigned ? 'flagged' : undefined,
      })}
    />
  );
}

/** The key of a historical unit's data-entry state: its district code, or `P<province>` for a merged province. */
export const dataEntryKey = (r: { provinceCode: string; localityCode: string | null }) => r.localityCode ?? `P${r.provinceCode}`;

/**
 * A historical unit's data-entry state (a 2025 district, or a merged province's own tenant); the
 * province admin opens or closes it after confirming. Without a known version the roll-up row's flag
 * tells the state, and the change is sent without one.
 */
export function DataEntryCell(props: { row: DashboardRow; state: DataEntry | undefined; admin: boolean; onChanged: (key: string, s: DataEntry) => void }) {
  const [confirming, setConfirming] = createSignal(false);
  const action = createAction();
  const open = () => (props.state ? props.state.open : props.row.dataEntryOpen);
  const change = async () => {
    const row = props.row;
    const path = row.localityCode ? `/api/tenancy/history/${row.localityCode}/data-entry` : `/api/tenancy/history/provinces/${row.provinceCode}/data-entry`;
    const body = { open: !open(), ...(props.state?.version ? { version: props.state.version } : {}) };
    const res = await action.run(() => api.post(path, body, tenantResultSchema));
    if (!res) return;
    props.onChanged(dataEntryKey(row), { open: res.tenant.dataEntryOpen === true, version: res.tenant.version });
    setConfirming(false);
  };
  return (
    <div class="entry-cell" data-testid="data-entry">
      {/* The roll-up row carries the flag, so viewers see the state too; the admin's list adds the version. */}
      <span class={`badge ${open() ? 'active' : ''}`} data-testid="data-entry-state">
        {open() ? t({ vi: 'Đang mở nhập bổ sung', en: 'Open for data entry' }) : t({ vi: 'Chỉ xem', en: 'Read-only' })}
      </span>
      <Show when={props.admin}>
        <button type="button" class="button link" data-testid="data-entry-toggle" onClick={() => setConfirming(true)}>
          {open() ? t({ vi: 'Đóng nhập liệu', en: 'Close data entry' }) : t({ vi: 'Mở nhập liệu', en: 'Open data entry' })}
        </button>
        <ConfirmDialog
          open={confirming()}
          title={open() ? { vi: 'Đóng nhập liệu', en: 'Close data entry' } : { vi: 'Mở nhập liệu', en: 'Open data entry' }}
          message={
            open()
              ? {
                  vi: `Đóng nhập liệu của ${props.row.name}? Hồ sơ trở lại chỉ để xem.`,
                  en: `Close data entry for ${props.row.name}? Its records become read-only again.`,
                }
              : {
                  vi: `Mở ${props.row.name} để nhập bổ sung hồ sơ 2021–2025? Người dùng của đơn vị này được nhập và sửa cho đến khi tỉnh đóng lại. Thao tác được ghi nhật ký.`,
                  en: `Open ${props.row.name} to backfill 2021–2025 records? Its users may enter and edit records until the province closes it. This is audited.`,
                }
          }
          action={action}
          confirmTestId="data-entry-confirm"
          onConfirm={() => void change()}
          onCancel={() => setConfirming(false)}
        />
      </Show>
    </div>
  );
}
