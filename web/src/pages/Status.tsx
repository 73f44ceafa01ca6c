import { createResource } from 'solid-js';
import * as z from 'zod';
import { formatDateTime } from '../../../shared/format.js';
import { api } from '../api.js';
import { t, ui } from '../i18n.js';
import { Async, focusHeading } from '../ui/index.js';

/** `GET /api/health` (functions/health/routes.ts). */
const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.string(),
  storage: z.object({ kind: z.string(), table: z.string(), latencyMs: z.number() }),
});

/** Reads /api/health: proves the page, the API and the table are connected. */
export function Status() {
  focusHeading();
  const [health, { refetch }] = createResource(() => api.get('/api/health', healthSchema));
  return (
    <section>
      <h1>{t(ui.nav.status)}</h1>
      <Async of={health} errorTestId="health-error">
        {(h) => (
          <dl class="facts" data-testid="health">
            <dt>{t({ vi: 'Tình trạng', en: 'Status' })}</dt>
            <dd class="ok">{h().status === 'ok' ? t({ vi: 'Hoạt động bình thường', en: 'Operational' }) : h().status}</dd>
            <dt>{t({ vi: 'Cơ sở dữ liệu', en: 'Database' })}</dt>
            <dd>
              DynamoDB · {h().storage.table} · {h().storage.latencyMs} ms
            </dd>
            <dt>{t({ vi: 'Phiên bản', en: 'Version' })}</dt>
            <dd>{h().version}</dd>
            <dt>{t({ vi: 'Thời điểm kiểm tra', en: 'Checked at' })}</dt>
            <dd>{formatDateTime(h().time)}</dd>
          </dl>
        )}
      </Async>
      <button type="button" class="button secondary" onClick={() => refetch()}>
        {t({ vi: 'Kiểm tra lại', en: 'Check again' })}
      </button>
    </section>
  );
}
