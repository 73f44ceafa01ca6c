import type { Page } from 'playwright-core';
import { fill } from './browser.js';

/**
 * The supervision plan page as a clerk uses it in the browser tests: what goes into the new-plan
 * form and the finding form (the helpers know the fields and the "add a row" buttons), and a step
 * of the plan confirmed in its dialog.
 */

export type PlanForm = {
  ownerBody?: string;
  type?: string;
  topic: string;
  units: string[];
  period: [from: string, to: string];
  /** "Ngày diễn ra", offered when the plan is entered later than it was made. */
  plannedOn?: string;
  sessions: { on: string; unit: string }[];
  leader: { name: string; title?: string; agency: string };
  members?: { name: string; agency: string }[];
};

/** Fills the new-plan form (does not save it). */
export async function fillPlanForm(page: Page, plan: PlanForm): Promise<void> {
  const fields: Record<string, string> = {};
  if (plan.ownerBody) fields['select[name=ownerBody]'] = plan.ownerBody;
  if (plan.type) fields['select[name=type]'] = plan.type;
  fields['input[name=topic]'] = plan.topic;
  fields['textarea[name=units]'] = plan.units.join('\n');
  fields['input[name=periodFrom]'] = plan.period[0];
  fields['input[name=periodTo]'] = plan.period[1];
  if (plan.plannedOn) fields['input[name=plannedOn]'] = plan.plannedOn;
  await fill(page, fields);
  for (const [i, session] of plan.sessions.entries()) {
    if (i > 0) await page.click('[data-testid=add-session]');
    await fill(page, { [`input[name=session-date-${i}]`]: session.on, [`input[name=session-unit-${i}]`]: session.unit });
  }
  await fill(page, {
    'input[name=leader-name]': plan.leader.name,
    ...(plan.leader.title ? { 'input[name=leader-title]': plan.leader.title } : {}),
    'input[name=leader-agency]': plan.leader.agency,
  });
  for (const [i, member] of (plan.members ?? []).entries()) {
    await page.click('[data-testid=add-member]');
    await fill(page, { [`input[name=member-${i}-name]`]: member.name, [`input[name=member-${i}-agency]`]: member.agency });
  }
}

export type FindingForm = {
  kind?: string;
  title: string;
  recommendations: { content: string; unit: string; deadline: string; madeOn?: string }[];
};

/** Fills the finding form of a plan in progress, one row a recommendation (does not save it). */
export async function fillFindingForm(page: Page, finding: FindingForm): Promise<void> {
  await fill(page, {
    ...(finding.kind ? { 'select[name=finding-kind]': finding.kind } : {}),
    'input[name=finding-title]': finding.title,
  });
  for (const [i, rec] of finding.recommendations.entries()) {
    if (i > 0) await page.click('[data-testid=add-rec-row]');
    await fill(page, {
      [`textarea[name=rec-${i}-content]`]: rec.content,
      [`input[name=rec-${i}-unit]`]: rec.unit,
      [`input[name=rec-${i}-deadline]`]: rec.deadline,
      ...(rec.madeOn ? { [`input[name=rec-${i}-madeOn]`]: rec.madeOn } : {}),
    });
  }
}

/** Takes the plan's step to `to` and confirms it in the dialog; `on` is the day typed for it, when given. */
export async function planStep(page: Page, to: string, on?: string): Promise<void> {
  if (on) await page.fill('input[name=transition-on]', on);
  await page.click(`[data-testid=plan-move-${to}]`);
  await page.click('[data-testid=plan-step-confirm]');
}
