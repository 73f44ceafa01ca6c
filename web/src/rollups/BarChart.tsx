import { For } from 'solid-js';

/** A small horizontal grouped bar chart in plain SVG (no chart library needed for two series). */
export function BarChart(props: { title: string; rows: { label: string; values: number[]; rest?: boolean }[]; series: string[]; testId?: string }) {
  const colors = ['#2e7d32', '#c62828'];
  const rowHeight = 22;
  const labelWidth = 190;
  const width = 520;
  const max = () => Math.max(1, ...props.rows.flatMap((r) => r.values));
  const height = () => props.rows.length * rowHeight + 30;
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height()}`} width="100%" role="img" aria-label={props.title}>
        <For each={props.series}>
          {(name, i) => (
            <g transform={`translate(${labelWidth + i() * 120}, 4)`}>
              <rect width="10" height="10" fill={colors[i()]} />
              <text x="14" y="9" font-size="11">
                {name}
              </text>
            </g>
          )}
        </For>
        <For each={props.rows}>
          {(row, i) => (
            <g transform={`translate(0, ${24 + i() * rowHeight})`} data-rest={row.rest ? 'true' : undefined}>
              <text x={labelWidth - 6} y="12" font-size="11" text-anchor="end">
                {row.label}
              </text>
              <For each={row.values}>
                {(v, j) => (
                  <rect x={labelWidth} y={j() * 9} height="8" width={((width - labelWidth - 40) * v) / max()} fill={colors[j()]}>
                    <title>{`${row.label}: ${v}`}</title>
                  </rect>
                )}
              </For>
              <text x={labelWidth + ((width - labelWidth - 40) * Math.max(...row.values, 0)) / max() + 4} y="12" font-size="10">
                {row.values.join(' / ')}
              </text>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}
