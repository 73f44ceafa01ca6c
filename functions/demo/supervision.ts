import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { supervisionKeys, type TenantRef } from '../../shared/keys.js';
import { boardState } from '../../shared/supervision/rules.js';
import { planInputSchema, type FindingInput, type PlanInput, type PlanStatus, type RecommendationStatus } from '../../shared/supervision/schema.js';
import { dueItemsOf } from '../reminders/seed-due.js';
import { newFindingItem, newPlanItem, newRecommendationItem, newResponseItem, type Actor } from '../supervision/items.js';

/**
 * Demo supervision plans of two wards of today (Phường Tây Hồ 01/00103, Phường Cầu Giấy 01/00166). They are
 * INVENTED for the demo — not taken from the seed articles — and say so: every plan is flagged
 * `demo`, its topic ends with "(dữ liệu mẫu)" and its note explains it. Fixed ids and dates, put
 * with `attribute_not_exists`, so re-seeding keeps whatever the user changed.
 */

type DemoRec = {
  content: string;
  responsibleUnit: string;
  deadline: string;
  status: RecommendationStatus;
  response?: { on: string; content: string; attachment?: string };
  resolvedOn?: string;
};
type DemoPlan = {
  tenant: TenantRef;
  id: string;
  actor: Actor;
  input: PlanInput;
  history: { status: PlanStatus; on: string }[];
  findings: (Omit<FindingInput, 'recommendations'> & { recommendations: DemoRec[] })[];
};

const DEMO_NOTE = 'Dữ liệu mẫu để trình diễn phần mềm, không phải kế hoạch thực tế của địa phương. / Demo data, not a real plan.';

export const demoSupervisionPlans: DemoPlan[] = [
  {
    tenant: { provinceCode: '01', localityCode: '00103' },
    id: '01KDEMQ0TAYH0000000000000A',
    actor: { userId: 'demo-seed', name: 'Nguyễn Thu Hà' },
    input: {
      owner: { body: 'hdnd_standing' },
      type: 'voter_followup',
      topic: 'Giám sát việc giải quyết kiến nghị của cử tri về trật tự đô thị và vệ sinh môi trường (dữ liệu mẫu)',
      supervisedUnits: ['Tổ dân phố số 5', 'Tổ dân phố số 12', 'Phòng Kinh tế, Hạ tầng và Đô thị phường'],
      period: { from: '2026-09-01', to: '2026-10-31' },
      sessions: [
        { date: '2026-09-15', time: '08:30', unit: 'UBND phường Quảng An', place: 'Trụ sở UBND phường Quảng An' },
        { date: '2026-09-22', time: '14:00', unit: 'UBND phường Nhật Tân', place: 'Trụ sở UBND phường Nhật Tân' },
        { date: '2026-10-06', time: '08:30', unit: 'Phòng Kinh tế, Hạ tầng và Đô thị phường', place: 'Phòng họp UBND phường' },
      ],
      team: {
        leader: { name: 'Nguyễn Thu Hà', title: 'Phó Chủ tịch HĐND phường', agency: 'HĐND phường' },
        members: [
          { name: 'Phạm Quốc Toản', title: 'Trưởng Ban Pháp chế HĐND phường', agency: 'HĐND phường' },
          { name: 'Lê Thị Mai', title: 'Phó Chủ tịch Ủy ban MTTQ phường', agency: 'Ủy ban MTTQ phường' },
        ],
      },
      methods: ['document_study', 'working_session', 'field_survey'],
      note: DEMO_NOTE,
    },
    history: [
      { status: 'planned', on: '2026-08-20' },
      { status: 'notified', on: '2026-08-28' },
      { status: 'in_progress', on: '2026-09-15' },
      { status: 'reported', on: '2026-10-20' },
    ],
    findings: [
      { kind: 'result', title: 'Phần lớn kiến nghị của cử tri được trả lời trong thời hạn', recommendations: [] },
      {
        kind: 'shortcoming',
        title: 'Một số kiến nghị về lấn chiếm vỉa hè và thu gom rác thải chậm được giải quyết',
        detail: 'Cử tri phản ánh nhiều lần nhưng việc xử lý chưa dứt điểm.',
        recommendations: [
          {
            content: 'Xử lý dứt điểm tình trạng lấn chiếm vỉa hè tại các tuyến phố cử tri phản ánh',
            responsibleUnit: 'UBND phường Quảng An',
            deadline: '2026-10-31',
            status: 'resolved',
            response: {
              on: '2026-10-25',
              content: 'Đã ra quân xử lý, lập biên bản các trường hợp vi phạm và duy trì kiểm tra hằng tuần.',
              attachment: 'Báo cáo kết quả xử lý (mẫu)',
            },
            resolvedOn: '2026-10-28',
          },
          {
            content: 'Tăng tần suất thu gom rác thải tại các ngõ nhỏ',
            responsibleUnit: 'UBND phường Nhật Tân',
            deadline: '2026-11-15',
            status: 'answered',
            response: { on: '2026-11-10', content: 'Đã đề nghị đơn vị vệ sinh môi trường bổ sung lượt thu gom; đang chờ điều chỉnh hợp đồng.' },
          },
          {
            content: 'Tổng hợp, báo cáo kết quả giải quyết kiến nghị cử tri trước kỳ họp cuối năm',
            responsibleUnit: 'Phòng Kinh tế, Hạ tầng và Đô thị phường',
            deadline: '2026-12-15',
            status: 'open',
          },
        ],
      },
    ],
  },
  {
    tenant: { provinceCode: '01', localityCode: '00103' },
    id: '01KDEMQ0TAYH0000000000000B',
    actor: { userId: 'demo-seed', name: 'Lê Thị Mai' },
    input: {
      owner: { body: 'mttq' },
      type: 'social_criticism',
      topic: 'Phản biện xã hội dự thảo kế hoạch chỉnh trang không gian công cộng ven hồ (dữ liệu mẫu)',
      supervisedUnits: ['UBND phường (cơ quan soạn thảo)'],
      period: { from: '2026-12-01', to: '2026-12-31' },
      sessions: [
        {
          date: '2026-12-10',
          time: '08:00',
          unit: 'UBND phường (cơ quan soạn thảo)',
          place: 'Hội trường Ủy ban MTTQ phường',
          content: 'Hội nghị phản biện xã hội',
        },
      ],
      team: {
        leader: { name: 'Lê Thị Mai', title: 'Phó Chủ tịch Ủy ban MTTQ phường', agency: 'Ủy ban MTTQ phường' },
        members: [{ name: 'Đoàn Minh Khang', title: 'Ủy viên Ban Thường trực', agency: 'Ủy ban MTTQ phường' }],
      },
      methods: ['conference', 'written_comment'],
      note: DEMO_NOTE,
    },
    history: [{ status: 'planned', on: '2026-11-16' }],
    findings: [],
  },
  {
    tenant: { provinceCode: '01', localityCode: '00166' },
    id: '01KDEMQ0CAVG0000000000000A',
    actor: { userId: 'demo-seed', name: 'Vũ Quang Huy' },
    input: {
      owner: { body: 'hdnd_committee', name: 'Ban Pháp chế HĐND phường' },
      type: 'thematic',
      topic: 'Giám sát công tác tiếp công dân, giải quyết khiếu nại, tố cáo năm 2026 (dữ liệu mẫu)',
      supervisedUnits: ['Tổ dân phố số 3', 'Tổ dân phố số 9', 'Văn phòng HĐND và UBND phường'],
      period: { from: '2026-10-15', to: '2026-12-15' },
      sessions: [
        { date: '2026-11-05', time: '08:30', unit: 'UBND phường Quan Hoa' },
        { date: '2026-11-12', time: '08:30', unit: 'UBND phường Dịch Vọng' },
        { date: '2026-11-26', time: '14:00', unit: 'Văn phòng HĐND và UBND phường' },
      ],
      team: {
        leader: { name: 'Vũ Quang Huy', title: 'Trưởng Ban Pháp chế HĐND phường', agency: 'HĐND phường' },
        members: [{ name: 'Hoàng Thị Yến', title: 'Ủy viên Ban Thường trực', agency: 'Ủy ban MTTQ phường' }],
      },
      methods: ['document_study', 'working_session'],
      note: DEMO_NOTE,
    },
    history: [
      { status: 'planned', on: '2026-10-01' },
      { status: 'notified', on: '2026-10-10' },
      { status: 'in_progress', on: '2026-11-05' },
    ],
    findings: [
      {
        kind: 'shortcoming',
        title: 'Sổ theo dõi tiếp công dân ở một số nơi cập nhật chưa đầy đủ',
        recommendations: [
          {
            content: 'Rà soát, cập nhật đầy đủ sổ theo dõi tiếp công dân và kết quả xử lý đơn',
            responsibleUnit: 'UBND phường Quan Hoa',
            deadline: '2026-12-31',
            status: 'open',
          },
        ],
      },
    ],
  },
];

const at = (date: string) => new Date(`${date}T02:00:00.000Z`);

/** Every item of the demo plans, built with the same item builders the API uses. */
export function demoSupervisionItems(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const p of demoSupervisionPlans) {
    const fields = planInputSchema.parse(p.input);
    const created = p.history[0]!.on;
    const last = p.history[p.history.length - 1]!;
    const plan = newPlanItem(p.tenant, p.id, fields, p.actor, at(created), created, { demo: true });
    const recs: Record<string, unknown>[] = [];
    let recNo = 0;
    let open = 0;
    p.findings.forEach((f, i) => {
      const findingNo = i + 1;
      out.push(newFindingItem(p.tenant, p.id, findingNo, f, p.actor, at(last.on)));
      for (const r of f.recommendations) {
        recNo += 1;
        const base = newRecommendationItem(p.tenant, { id: p.id, topic: fields.topic }, findingNo, recNo, r, p.actor, at(last.on), last.on);
        const history = [...base.history];
        let version = 1;
        if (r.response) {
          out.push(
            newResponseItem(
              p.tenant,
              p.id,
              recNo,
              `${p.id.slice(0, 20)}R${String(recNo).padStart(5, '0')}`,
              {
                respondedOn: r.response.on,
                respondent: r.responsibleUnit,
                content: r.response.content,
                attachments: r.response.attachment ? [{ label: r.response.attachment }] : [],
              },
              p.actor,
              at(r.response.on),
            ),
          );
          history.push({ status: 'answered', on: r.response.on, at: at(r.response.on).toISOString(), by: { userId: p.actor.userId, name: p.actor.name } });
          version += 1;
        }
        if (r.resolvedOn) {
          history.push({ status: 'resolved', on: r.resolvedOn, at: at(r.resolvedOn).toISOString(), by: { userId: p.actor.userId, name: p.actor.name } });
          version += 1;
        }
        if (r.status !== 'resolved') open += 1;
        recs.push({
          ...base,
          ...supervisionKeys.recommendationIndex(p.tenant, boardState(r.status), r.deadline, p.id, recNo),
          status: r.status,
          history,
          version,
          responseCount: r.response ? 1 : 0,
          ...(r.response ? { lastResponseOn: r.response.on } : {}),
          ...(r.resolvedOn ? { resolvedOn: r.resolvedOn } : {}),
          updatedAt: at(r.resolvedOn ?? r.response?.on ?? last.on).toISOString(),
        });
      }
    });
    out.push(...recs);
    out.push({
      ...plan,
      ...supervisionKeys.planListEntry(p.tenant, last.status, fields.period.from, p.id),
      status: last.status,
      statusHistory: p.history.map((h) => ({ status: h.status, on: h.on, at: at(h.on).toISOString(), by: { userId: p.actor.userId, name: p.actor.name } })),
      findingCount: p.findings.length,
      recommendationCount: recNo,
      openRecommendations: open,
      version: p.history.length,
      updatedAt: at(last.on).toISOString(),
    });
  }
  // Due index entries (report, open recommendations), as the API's writes put them.
  return [...out, ...dueItemsOf(out)];
}

/** Puts the demo plans that are not there yet; returns how many items it created. */
export async function seedSupervisionDemo(opts: { doc: DynamoDBDocumentClient; tableName: string }): Promise<number> {
  let created = 0;
  for (const item of demoSupervisionItems()) {
    try {
      await opts.doc.send(new PutCommand({ TableName: opts.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      created += 1;
    } catch (err) {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  return created;
}
