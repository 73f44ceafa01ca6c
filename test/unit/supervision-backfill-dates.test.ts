import { describe, expect, it } from 'vitest';
import { happenedOnProblem, latestDate } from '../../shared/dates.js';
import { lastStepOn, recommendationMadeOn, reportedLate, reportedOn, summarizePlan, supervisionStartedOn } from '../../shared/supervision/rules.js';
import { planCreateSchema, planPatchSchema, recommendationInputSchema, type Plan } from '../../shared/supervision/schema.js';
import { samplePlan } from '../support/supervision-fixtures.js';

/** The rule for the dates things happened (backfilled records), and what supervision derives from them. */

const by = { userId: 'u1' };
const step = (status: Plan['status'], on: string, at = '2026-12-06T03:00:00.000Z') => ({ status, on, at, by });

describe('the date something happened', () => {
  it('may be any past day (years back) or today, never after today', () => {
    expect(happenedOnProblem('2021-01-04', '2026-12-06')).toBeNull();
    expect(happenedOnProblem('2026-12-06', '2026-12-06')).toBeNull();
    expect(happenedOnProblem('2026-12-07', '2026-12-06')).toBe('after-today');
  });

  it('may equal but not precede the day of what it follows', () => {
    expect(happenedOnProblem('2024-05-02', '2026-12-06', '2024-05-02')).toBeNull();
    expect(happenedOnProblem('2024-05-01', '2026-12-06', '2024-05-02')).toBe('before-previous');
    // The probe's case: a step of 2024 after a step stamped on the day it was entered.
    expect(happenedOnProblem('2024-05-02', '2026-12-06', '2026-12-06')).toBe('before-previous');
    expect(happenedOnProblem('2024-05-01', '2026-12-06', null)).toBeNull();
    // After-today is reported first: a future day is wrong whatever it follows.
    expect(happenedOnProblem('2027-01-01', '2026-12-06', '2027-02-01')).toBe('after-today');
  });

  it('follows the latest of the days before it, not the last one recorded', () => {
    expect(latestDate('2024-05-02', null, '2024-04-15', undefined)).toBe('2024-05-02');
    expect(latestDate()).toBeNull();
    // Steps compare days that happened; their recording instants play no part.
    const history = [step('planned', '2024-04-15', '2026-12-06T09:00:00.000Z'), step('notified', '2024-05-02', '2026-12-06T08:00:00.000Z')];
    expect(lastStepOn(history)).toBe('2024-05-02');
    expect(lastStepOn([])).toBeNull();
  });
});

describe('supervision dates that happened', () => {
  const plan = (statusHistory: ReturnType<typeof step>[], status: Plan['status']): Plan => ({
    ...(planCreateSchema.parse(
      samplePlan({ period: { from: '2024-05-01', to: '2024-06-30' }, sessions: [{ date: '2024-05-20', unit: 'UBND phường Quảng An' }] }),
    ) as Omit<Plan, 'id'>),
    id: '01JQ3Z5X8Y9ABCDEFGHJKMNPQR',
    status,
    statusHistory,
    openRecommendations: 0,
    findingCount: 0,
    recommendationCount: 0,
    version: 1,
    createdAt: '2026-12-06T03:00:00.000Z',
    updatedAt: '2026-12-06T03:00:00.000Z',
  });
  const history = [step('planned', '2024-04-15'), step('notified', '2024-04-25'), step('in_progress', '2024-05-10')];

  it('judge the report by the day it was reported: late after the due day, on time on it', () => {
    // Due 04/06/2024 (15 days after 20/05/2024).
    const late = summarizePlan(plan([...history, step('reported', '2024-06-10')], 'reported'), '2026-12-06');
    expect(late).toMatchObject({ reportDueOn: '2024-06-04', reportOverdue: false, reportedOn: '2024-06-10', reportedLate: true });
    const onTime = summarizePlan(plan([...history, step('reported', '2024-06-04')], 'reported'), '2026-12-06');
    expect(onTime).toMatchObject({ reportedOn: '2024-06-04', reportedLate: false });
    const missing = summarizePlan(plan(history, 'in_progress'), '2026-12-06');
    expect(missing).toMatchObject({ reportOverdue: true, reportedOn: null, reportedLate: false });
    expect(reportedLate(null, '2024-06-10')).toBe(false);
    expect(reportedOn(plan(history, 'in_progress'))).toBeNull();
  });

  it('date recommendations from the day the supervision began', () => {
    expect(supervisionStartedOn(plan(history, 'in_progress'))).toBe('2024-05-10');
    expect(supervisionStartedOn(plan(history.slice(0, 1), 'planned'))).toBe('2024-04-15');
    expect(recommendationMadeOn({ history: [{ ...step('planned', '2024-05-20'), status: 'open' }] })).toBe('2024-05-20');
  });

  it('are optional yyyy-mm-dd fields of the create, the correction and a recommendation', () => {
    expect(planCreateSchema.safeParse({ ...samplePlan(), plannedOn: '2024-04-15' }).success).toBe(true);
    expect(planCreateSchema.safeParse({ ...samplePlan(), plannedOn: '15/04/2024' }).success).toBe(false);
    expect(planPatchSchema.safeParse({ plannedOn: '2024-02-30' }).success).toBe(false);
    const rec = { content: 'Xử lý', responsibleUnit: 'UBND phường', deadline: '2024-07-31' };
    expect(recommendationInputSchema.safeParse({ ...rec, madeOn: '2024-05-20' }).success).toBe(true);
    expect(recommendationInputSchema.safeParse(rec).success).toBe(true);
  });
});
