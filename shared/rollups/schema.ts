import * as z from 'zod';
import type { DistrictFigures } from './counters.js';

export const rollupQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const rollupExportQuerySchema = rollupQuerySchema.extend({
  format: z.enum(['csv', 'xlsx']),
});

export type DashboardRow = DistrictFigures & {
  districtCode: string;
  name: string;
  type: string;
  /** A district that has written anything has a roll-up item. */
  hasData: boolean;
  lastActivityAt: string | null;
};

export type Dashboard = {
  provinceCode: string;
  provinceName: string;
  year: number;
  today: string;
  rows: DashboardRow[];
  totals: {
    districts: number;
    withoutSignedProgram: number;
    agreements: number;
    itemsDone: number;
    itemsOverdue: number;
    recommendationsOpen: number;
    recommendationsOverdue: number;
    documents: number;
  };
};
