import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildBoard,
  canMovePlan,
  canMoveRecommendation,
  daysOverdue,
  isOverdue,
  planTransitions,
  planUndo,
  recommendationUndo,
  UNDO_WINDOW_MINUTES,
  reportDueOn,
  reportOverdue,
  statusAfterResponse,
  vietnamToday,
  yearPeriods,
} from '../../shared/supervision/rules.js';
import { planInputSchema, planStatuses, recordIdPattern, type Recommendation, type RecommendationStatus } from '../../shared/supervision/schema.js';
import { idSchemaPattern } from '../../shared/ids.js';
import { keys, leadingKeyPattern, supervisionKeys } from '../../shared/keys.js';
import { fieldErrorsFromZod } from '../../shared/problem.js';

describe('report due date', () => {
  it('is 15 calendar days after the last working session, across month and year ends', () => {
    expect(reportDueOn([{ date: '2026-03-10' }, { date: '2026-03-20' }, { date: '2026-03-05' }])).toBe('2026-04-04');
    expect(reportDueOn([{ date: '2026-02-20' }])).toBe('2026-03-07'); // February has 28 days in 2026
    expect(reportDueOn([{ date: '2028-02-20' }])).toBe('2028-03-06'); // leap year
    expect(reportDueOn([{ date: '2026-12-25' }])).toBe('2027-01-09');
    expect(reportDueOn([])).toBeNull();
  });

  it('is late only before the report is recorded and after the due day', () => {
    expect(reportOverdue('in_progress', '2026-04-04', '2026-04-04')).toBe(false);
    expect(reportOverdue('in_progress', '2026-04-04', '2026-04-05')).toBe(true);
    expect(reportOverdue('reported', '2026-04-04', '2026-05-01')).toBe(false);
    expect(reportOverdue('planned', null, '2026-05-01')).toBe(false);
  });
});

describe('status moves', () => {
  it('lets a plan move one step forward only', () => {
    const order = planStatuses;
    for (const from of order) {
      for (const to of order) {
        const allowed = order.indexOf(to) === order.indexOf(from) + 1;
        expect(canMovePlan(from, to), `${from}→${to}`).toBe(allowed);
      }
    }
    expect(planTransitions.closed).toEqual([]);
  });

  it('resolves a recommendation only after an answer, and never reopens a resolved one', () => {
    const moves: [from: RecommendationStatus, to: RecommendationStatus, allowed: boolean][] = [
      ['open', 'resolved', false],
      ['open', 'accepted', false],
      ['answered', 'resolved', true],
      ['answered', 'accepted', true],
      ['answered', 'open', true],
      ['accepted', 'resolved', true],
      ['resolved', 'open', false],
    ];
    for (const [from, to, allowed] of moves) expect(canMoveRecommendation(from, to), `${from}→${to}`).toBe(allowed);
    expect(statusAfterResponse('open')).toBe('answered');
    expect(statusAfterResponse('accepted')).toBe('accepted');
    expect(statusAfterResponse('resolved')).toBeNull();
  });
});

describe('dates and overdue', () => {
  it('takes today in Vietnam time (UTC+7)', () => {
    expect(vietnamToday(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(vietnamToday(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
  });

  it('derives overdue from the deadline for unresolved recommendations only', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-03-20' }, '2026-03-20')).toBe(false);
    expect(isOverdue({ status: 'open', deadline: '2026-03-20' }, '2026-03-21')).toBe(true);
    expect(isOverdue({ status: 'accepted', deadline: '2026-03-20' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ status: 'resolved', deadline: '2026-03-20' }, '2026-04-01')).toBe(false);
    expect(daysOverdue({ status: 'answered', deadline: '2026-03-20' }, '2026-03-25')).toBe(5);
  });

  it('splits a year into quarters', () => {
    expect(yearPeriods(2026).map((p) => `${p.period}:${p.from}..${p.to}`)).toEqual([
      '2026-Q1:2026-01-01..2026-03-31',
      '2026-Q2:2026-04-01..2026-06-30',
      '2026-Q3:2026-07-01..2026-09-30',
      '2026-Q4:2026-10-01..2026-12-31',
      '2026:2026-01-01..2026-12-31',
    ]);
  });
});

function rec(no: number, responsibleUnit: string, deadline: string, status: Recommendation['status'], resolvedOn?: string): Omit<Recommendation, 'history'> {
  return {
    planId: 'P1',
    planTopic: 'Chủ đề',
    no,
    findingNo: 1,
    content: `Kiến nghị ${no}`,
    responsibleUnit,
    deadline,
    status,
    ...(resolvedOn ? { resolvedOn } : {}),
    responseCount: status === 'open' ? 0 : 1,
    version: 1,
    createdAt: '2026-01-05T00:00:00.000Z',
    updatedAt: '2026-01-05T00:00:00.000Z',
  };
}

describe('follow-up board', () => {
  const recs = [
    rec(1, 'UBND phường Quảng An', '2026-02-15', 'resolved', '2026-02-10'), // on time
    rec(2, 'UBND phường Quảng An', '2026-03-10', 'resolved', '2026-03-20'), // late
    rec(3, 'UBND phuong Quang An', '2026-03-15', 'answered'), // same unit without diacritics; overdue
    rec(4, 'Phòng Tài nguyên và Môi trường', '2026-05-30', 'open'),
    rec(5, 'Phòng Tài nguyên và Môi trường', '2025-11-30', 'accepted'), // last year, still open and overdue
  ];
  const board = buildBoard(recs, '2026-04-01', 2026);

  it('counts unresolved and overdue recommendations by responsible unit, ignoring diacritics', () => {
    expect(board.totals).toEqual({ open: 3, overdue: 2 });
    expect(board.byUnit).toEqual([
      { unit: 'Phòng Tài nguyên và Môi trường', open: 2, overdue: 1, answered: 0, accepted: 1, nextDeadline: '2025-11-30' },
      { unit: 'UBND phuong Quang An', open: 1, overdue: 1, answered: 1, accepted: 0, nextDeadline: '2026-03-15' },
    ]);
    expect(board.open.map((r) => [r.no, r.overdue, r.daysOverdue])).toEqual([
      [5, true, 122],
      [3, true, 17],
      [4, false, 0],
    ]);
  });

  it('rates resolution per quarter and year among the recommendations due in the period', () => {
    const q1 = board.periods.find((p) => p.period === '2026-Q1')!;
    expect(q1).toMatchObject({ due: 3, resolved: 2, resolvedOnTime: 1, unresolved: 1, overdue: 1 });
    expect(q1.rate).toBeCloseTo(2 / 3);
    expect(board.periods.find((p) => p.period === '2026-Q2')).toMatchObject({ due: 1, resolved: 0, overdue: 0, rate: 0 });
    expect(board.periods.find((p) => p.period === '2026-Q3')).toMatchObject({ due: 0, rate: null });
    expect(board.periods.find((p) => p.period === '2026')).toMatchObject({ due: 4, resolved: 2, unresolved: 2 });
  });
});

describe('plan schema', () => {
  it('validates record ids exactly as shared/ids.ts does', () => {
    expect(recordIdPattern.source).toBe(idSchemaPattern.source);
  });

  const valid = {
    owner: { body: 'hdnd_standing' },
    type: 'thematic',
    topic: 'Giám sát công tác tiếp công dân',
    supervisedUnits: ['UBND phường Quảng An'],
    period: { from: '2026-03-01', to: '2026-03-31' },
    sessions: [{ date: '2026-03-10', unit: 'UBND phường Quảng An' }],
    team: { leader: { name: 'Nguyễn Văn An', agency: 'HĐND quận' } },
    methods: ['working_session'],
  };

  it('accepts a complete plan and fills defaults', () => {
    const r = planInputSchema.parse(valid);
    expect(r.team.members).toEqual([]);
  });

  it('names every wrong field in Vietnamese and English', () => {
    const r = planInputSchema.safeParse({
      ...valid,
      owner: { body: 'hdnd_committee' },
      period: { from: '2026-03-31', to: '2026-03-01' },
      sessions: [{ date: '2026-04-10', unit: 'X' }],
      agreementRef: { agreementId: 'not-an-id', itemNo: 0 },
    });
    expect(r.success).toBe(false);
    const errors = fieldErrorsFromZod(r.error!.issues, 'body');
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['owner.name']?.message_vi).toContain('Ghi rõ tên Ban');
    expect(byField['period.to']?.message_en).toBe('End date must not be before the start date');
    expect(byField['agreementRef.agreementId']?.message_vi).toBe('Mã bản ghi không hợp lệ');
    expect(byField['agreementRef.itemNo']).toBeDefined();
  });

  it('refuses a session outside the period once the period is valid', () => {
    const r = planInputSchema.safeParse({ ...valid, sessions: [{ date: '2026-04-10', unit: 'X' }] });
    expect(fieldErrorsFromZod(r.error!.issues, 'body').map((e) => e.field)).toEqual(['sessions.0.date']);
  });
});

describe('supervision keys', () => {
  const t = { provinceCode: '01', localityCode: '003' };
  it('keeps every supervision partition key (table and indexes) inside the tenant LeadingKeys pattern', () => {
    const pattern = leadingKeyPattern(t).replace('*', '');
    const pks = [
      supervisionKeys.plan(t, 'X').PK,
      supervisionKeys.planList(t).GSI1PK,
      supervisionKeys.planListEntry(t, 'planned', '2026-03-01', 'X').GSI1PK,
      supervisionKeys.finding(t, 'X', 1).PK,
      supervisionKeys.recommendation(t, 'X', 1).PK,
      supervisionKeys.recommendationIndex(t, 'open', '2026-03-01', 'X', 1).GSI2PK,
      supervisionKeys.response(t, 'X', 1, 'R').PK,
    ];
    for (const pk of pks) expect(pk.startsWith(pattern), pk).toBe(true);
    expect(supervisionKeys.plan(t, 'X')).toEqual(keys.supervisionPlan(t, 'X'));
    expect(supervisionKeys.planList(t)).toEqual(keys.supervisionList(t));
  });

  it('sorts the board index by state, then deadline, and orders a plan partition header, findings, recommendations, responses', () => {
    expect(supervisionKeys.recommendationIndex(t, 'open', '2026-03-01', 'P1', 7).GSI2SK).toBe('open#2026-03-01#P1#007');
    // the board's key range: done from the year start, then every open entry
    const lo = 'done#2026-01-01';
    const hi = 'open$';
    for (const sk of ['done#2026-01-01#P#001', 'done#2027-05-01#P#001', 'open#2019-01-01#P#001', 'open#2030-12-31#P#999'])
      expect(sk >= lo && sk <= hi, sk).toBe(true);
    expect('done#2025-12-31#P#001' >= lo).toBe(false);
    expect(supervisionKeys.response(t, 'X', 2, '01ABC').SK.startsWith(supervisionKeys.recommendation(t, 'X', 2).SK)).toBe(true);
  });
});

describe('undo of the last step', () => {
  const at = '2026-03-18T02:00:00.000Z';
  const by = { userId: 'u-clerk' };
  const plan = (over: Partial<Parameters<typeof planUndo>[0]> = {}) => ({
    status: 'notified' as const,
    findingCount: 0,
    updatedAt: at,
    statusHistory: [
      { status: 'planned' as const, on: '2026-03-01', at: '2026-03-01T02:00:00.000Z', by },
      { status: 'notified' as const, on: '2026-03-18', at, by },
    ],
    ...over,
  });
  const minutes = (n: number) => new Date(Date.parse(at) + n * 60_000);

  it('lets the author take the step back until the window ends, not a moment after', () => {
    expect(planUndo(plan(), 'u-clerk', minutes(UNDO_WINDOW_MINUTES))).toEqual({
      ok: true,
      from: 'notified',
      to: 'planned',
      until: '2026-03-18T02:10:00.000Z',
    });
    expect(planUndo(plan(), 'u-clerk', new Date(minutes(UNDO_WINDOW_MINUTES).getTime() + 1))).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('refuses another person, a record changed since, a first status, and going back behind findings', () => {
    expect(planUndo(plan(), 'u-other', minutes(1))).toMatchObject({ ok: false, reason: 'other-user' });
    expect(planUndo(plan({ updatedAt: minutes(1).toISOString() }), 'u-clerk', minutes(2))).toMatchObject({ ok: false, reason: 'changed' });
    expect(planUndo(plan({ statusHistory: plan().statusHistory.slice(0, 1) }), 'u-clerk', minutes(1))).toMatchObject({ ok: false, reason: 'nothing' });
    const working = plan({
      status: 'in_progress',
      findingCount: 1,
      statusHistory: [...plan().statusHistory.slice(0, 1), { status: 'in_progress', on: '2026-03-18', at, by }],
    });
    // planned → in_progress is not a step of the plan's path: nothing to take back.
    expect(planUndo(working, 'u-clerk', minutes(1))).toMatchObject({ ok: false, reason: 'nothing' });
    const started = plan({
      status: 'in_progress',
      findingCount: 1,
      statusHistory: [...plan().statusHistory, { status: 'in_progress', on: '2026-03-18', at, by }],
    });
    started.statusHistory[1] = { ...started.statusHistory[1]!, at: '2026-03-10T02:00:00.000Z' };
    expect(planUndo(started, 'u-clerk', minutes(1))).toMatchObject({ ok: false, reason: 'findings' });
    expect(planUndo({ ...started, findingCount: 0 }, 'u-clerk', minutes(1))).toMatchObject({ ok: true, to: 'notified' });
  });

  it('takes back accept, resolve and send-back, never the answer, nor anything on a closed plan', () => {
    const history = (...s: ('open' | 'answered' | 'accepted' | 'resolved')[]) => s.map((status) => ({ status, on: '2026-03-18', at, by }));
    expect(recommendationUndo({ history: history('open', 'answered', 'resolved'), updatedAt: at }, 'u-clerk', minutes(1), 'reported')).toMatchObject({
      ok: true,
      from: 'resolved',
      to: 'answered',
    });
    expect(recommendationUndo({ history: history('open', 'answered', 'open'), updatedAt: at }, 'u-clerk', minutes(1), 'reported')).toMatchObject({
      ok: true,
      to: 'answered',
    });
    expect(recommendationUndo({ history: history('open', 'answered'), updatedAt: at }, 'u-clerk', minutes(1), 'reported')).toMatchObject({ reason: 'nothing' });
    expect(recommendationUndo({ history: history('open', 'answered', 'resolved'), updatedAt: at }, 'u-clerk', minutes(1), 'closed')).toMatchObject({
      reason: 'plan-closed',
    });
  });
});
