/** Bars a chart shows at most; the other units are one bar, "Các đơn vị khác (N)". */
export const CHART_BARS = 10;

export type ChartRow = { label: string; values: number[]; rest?: boolean };

/**
 * A chart's rows: the units with a figure, largest first (at most CHART_BARS), then one bar with the
 * total of every other unit of the list (N counts them) — never a column of "0 / 0" rows.
 */
export function chartRows<R>(rows: readonly R[], name: (r: R) => string, values: (r: R) => number[], restLabel: (n: number) => string): ChartRow[] {
  const withData = rows
    .map((r) => ({ label: name(r), values: values(r) }))
    .filter((r) => r.values.some((v) => v > 0))
    .sort((a, b) => (b.values[0] ?? 0) - (a.values[0] ?? 0) || (b.values[1] ?? 0) - (a.values[1] ?? 0) || a.label.localeCompare(b.label, 'vi'));
  const shown = withData.slice(0, CHART_BARS);
  const others = rows.length - shown.length;
  if (others <= 0) return shown;
  const width = rows.length ? values(rows[0]!).length : 0;
  const rest = withData.slice(CHART_BARS).reduce((sum, r) => sum.map((v, i) => v + (r.values[i] ?? 0)), Array<number>(width).fill(0));
  return [...shown, { label: restLabel(others), values: rest, rest: true }];
}
