import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, For, Index } from 'solid-js';
import { createStore, produce } from 'solid-js/store';
import { methodLabels, ownerBodyLabels, planTypeLabels } from '../../../shared/supervision/labels.js';
import { reportDueOn } from '../../../shared/supervision/rules.js';
import { vietnamToday } from '../../../shared/dates.js';
import { formatDate } from '../../../shared/format.js';
import {
  ownerBodies,
  planTypes,
  supervisionMethods,
  type OwnerBody,
  type PlanInput,
  type PlanType,
  type SupervisionMethod,
} from '../../../shared/supervision/schema.js';
import type { PlanSummary } from '../../../shared/supervision/views.js';
import { t } from '../i18n.js';
import { newIdempotencyKey, supervisionApi } from './client.js';
import {
  Async,
  createAction,
  createDraft,
  DraftNotice,
  ErrorAlert,
  Field,
  focusHeading,
  SubmitButton,
  AddButton,
  RemoveButton,
  DateInput,
  RecordPicker,
  TextArea,
  Input,
  textBinder,
} from '../ui/index.js';
import { ownTenant } from '../tenancy/locality.jsx';

/** The tenant's level as agencies name it: "phường", "xã", "đặc khu" (a 2025 district: "quận", "huyện"…), "tỉnh". */
function levelWord(): string {
  const tn = ownTenant();
  if (!tn) return 'xã';
  if (tn.kind === 'province') return tn.name.startsWith('Thành phố') ? 'thành phố' : 'tỉnh';
  return (tn.localityType ?? 'xã').toLowerCase();
}

type Person = { name: string; title: string; agency: string };
type SessionRow = { date: string; time: string; unit: string; place: string; content: string };
type FormState = {
  ownerBody: OwnerBody;
  ownerName: string;
  type: PlanType;
  topic: string;
  units: string;
  from: string;
  to: string;
  sessions: SessionRow[];
  leader: Person;
  members: Person[];
  methods: SupervisionMethod[];
  methodNote: string;
  agreementId: string;
  itemNo: string;
  note: string;
  /** The day the plan was made (its `planned` step): today for a new plan, an earlier day for a past one. */
  plannedOn: string;
};

const emptySession = (): SessionRow => ({ date: '', time: '', unit: '', place: '', content: '' });
const emptyPerson = (): Person => ({ name: '', title: '', agency: '' });
const opt = (s: string) => (s.trim() ? s.trim() : undefined);

function fromPlan(p: PlanSummary): FormState {
  return {
    ownerBody: p.owner.body,
    ownerName: p.owner.name ?? '',
    type: p.type,
    topic: p.topic,
    units: p.supervisedUnits.join('\n'),
    from: p.period.from,
    to: p.period.to,
    sessions: p.sessions.map((s) => ({ date: s.date, time: s.time ?? '', unit: s.unit, place: s.place ?? '', content: s.content ?? '' })),
    leader: { name: p.team.leader.name, title: p.team.leader.title ?? '', agency: p.team.leader.agency },
    members: p.team.members.map((m) => ({ name: m.name, title: m.title ?? '', agency: m.agency })),
    methods: [...p.methods],
    methodNote: p.methodNote ?? '',
    agreementId: p.agreementRef?.agreementId ?? '',
    itemNo: p.agreementRef ? String(p.agreementRef.itemNo) : '',
    note: p.note ?? '',
    plannedOn: p.statusHistory[0]?.on ?? '',
  };
}

function blank(): FormState {
  return {
    ownerBody: 'hdnd_standing',
    ownerName: '',
    type: 'thematic',
    topic: '',
    units: '',
    from: '',
    to: '',
    sessions: [emptySession()],
    leader: emptyPerson(),
    members: [],
    methods: ['working_session'],
    methodNote: '',
    agreementId: '',
    itemNo: '',
    note: '',
    // Empty: the server dates the plan with its own today; a past plan is given its real day.
    plannedOn: '',
  };
}

const person = (p: Person) => ({ name: p.name.trim(), ...(opt(p.title) ? { title: p.title.trim() } : {}), agency: p.agency.trim() });

function toInput(f: FormState): PlanInput {
  return {
    owner: { body: f.ownerBody, ...(opt(f.ownerName) ? { name: f.ownerName.trim() } : {}) },
    type: f.type,
    topic: f.topic.trim(),
    supervisedUnits: f.units
      .split('\n')
      .map((u) => u.trim())
      .filter(Boolean),
    period: { from: f.from, to: f.to },
    sessions: f.sessions
      .filter((s) => s.date || s.unit.trim())
      .map((s) => ({
        date: s.date,
        unit: s.unit.trim(),
        ...(s.time ? { time: s.time } : {}),
        ...(opt(s.place) ? { place: s.place.trim() } : {}),
        ...(opt(s.content) ? { content: s.content.trim() } : {}),
      })),
    team: { leader: person(f.leader), members: f.members.filter((m) => m.name.trim() || m.agency.trim()).map(person) },
    methods: f.methods,
    ...(opt(f.methodNote) ? { methodNote: f.methodNote.trim() } : {}),
    ...(opt(f.agreementId) ? { agreementRef: { agreementId: f.agreementId.trim().toUpperCase(), itemNo: Number(f.itemNo) } } : {}),
    ...(opt(f.note) ? { note: f.note.trim() } : {}),
  };
}

function PersonFields(props: { prefix: string; value: Person; set: (k: keyof Person, v: string) => void }) {
  return (
    <div class="sup-row">
      <Field label={{ vi: 'Họ và tên', en: 'Full name' }}>
        <input name={`${props.prefix}-name`} value={props.value.name} onInput={(e) => props.set('name', e.currentTarget.value)} />
      </Field>
      <Field label={{ vi: 'Chức vụ', en: 'Title' }}>
        <input name={`${props.prefix}-title`} value={props.value.title} onInput={(e) => props.set('title', e.currentTarget.value)} />
      </Field>
      <Field label={{ vi: 'Cơ quan', en: 'Agency' }}>
        <input name={`${props.prefix}-agency`} list="sup-agencies" value={props.value.agency} onInput={(e) => props.set('agency', e.currentTarget.value)} />
      </Field>
    </div>
  );
}

/** Create or edit a plan. Editing sends the version read; a concurrent change answers 409 and asks to reload. */
function PlanEditor(props: { plan?: PlanSummary }) {
  const navigate = useNavigate();
  const [form, setForm] = createStore<FormState>(props.plan ? fromPlan(props.plan) : blank());
  const text = textBinder(form, (key, value) => setForm(key, value));
  const action = createAction();
  let idemKey = newIdempotencyKey();
  const draft = createDraft({ key: () => `plan:${props.plan?.id ?? 'new'}`, form, setForm, ready: () => true });
  const dueOn = () => reportDueOn(form.sessions.filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.date)));

  const today = vietnamToday(new Date());
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input = toInput(form);
    // The planned date goes with a new plan; an edit sends it only when it was corrected.
    const plannedOn = form.plannedOn || undefined;
    const res = await action.run(() =>
      props.plan
        ? supervisionApi.update(props.plan.id, {
            ...input,
            version: props.plan.version,
            methodNote: input.methodNote ?? null,
            note: input.note ?? null,
            agreementRef: input.agreementRef ?? null,
            ...(plannedOn && plannedOn !== props.plan.statusHistory[0]?.on ? { plannedOn } : {}),
          })
        : supervisionApi.create({ ...input, ...(plannedOn ? { plannedOn } : {}) }, idemKey),
    );
    if (!res) return;
    idemKey = newIdempotencyKey();
    draft.saved();
    navigate(`/supervision/plans/${res.plan.id}`);
  };

  return (
    <form class="sup-form" onSubmit={submit} data-testid="plan-form">
      <DraftNotice draft={draft} />
      <datalist id="sup-agencies">
        <option value={`HĐND ${levelWord()}`} />
        <option value={`UBND ${levelWord()}`} />
        <option value={`Ủy ban MTTQ ${levelWord()}`} />
        <option value="Hội Liên hiệp Phụ nữ" />
        <option value="Đoàn TNCS Hồ Chí Minh" />
        <option value="Hội Cựu chiến binh" />
        <option value="Liên đoàn Lao động" />
      </datalist>
      <fieldset>
        <legend>{t({ vi: 'Thông tin chung', en: 'General' })}</legend>
        <div class="sup-row">
          <Field label={{ vi: 'Chủ thể giám sát', en: 'Supervising body' }}>
            <select name="ownerBody" value={form.ownerBody} onChange={(e) => setForm('ownerBody', e.currentTarget.value as OwnerBody)}>
              <For each={ownerBodies}>{(b) => <option value={b}>{t(ownerBodyLabels[b])}</option>}</For>
            </select>
          </Field>
          <Input label={{ vi: 'Tên Ban / Tổ đại biểu / các cơ quan phối hợp', en: 'Committee / group / joint bodies' }} {...text('ownerName')} />
          <Field label={{ vi: 'Loại hoạt động', en: 'Type' }}>
            <select name="type" value={form.type} onChange={(e) => setForm('type', e.currentTarget.value as PlanType)}>
              <For each={planTypes}>{(p) => <option value={p}>{t(planTypeLabels[p])}</option>}</For>
            </select>
          </Field>
        </div>
        <Input label={{ vi: 'Nội dung giám sát', en: 'Topic' }} required {...text('topic')} />
        <label>
          {t({ vi: 'Đối tượng chịu sự giám sát', en: 'Supervised units' })}{' '}
          <span class="hint">{t({ vi: 'mỗi dòng một đơn vị', en: 'one unit per line' })}</span>
          <textarea name="units" rows="3" value={form.units} onInput={(e) => setForm('units', e.currentTarget.value)} />
        </label>
        <div class="sup-row">
          <Field label={{ vi: 'Từ ngày', en: 'From' }}>
            <DateInput name="periodFrom" required value={form.from} onValue={(v) => setForm('from', v)} />
          </Field>
          <Field label={{ vi: 'Đến ngày', en: 'To' }}>
            <DateInput name="periodTo" required min={form.from || undefined} value={form.to} onValue={(v) => setForm('to', v)} />
          </Field>
          <Field
            label={{ vi: 'Ngày diễn ra (ngày lập kế hoạch)', en: 'Date it happened (date planned)' }}
            hint={{
              vi: 'Để trống nếu là hôm nay; kế hoạch của năm trước: chọn ngày kế hoạch được ban hành',
              en: 'Leave empty for today; for a past plan, choose the day it was adopted',
            }}
          >
            <DateInput name="plannedOn" max={today} value={form.plannedOn ?? ''} onValue={(v) => setForm('plannedOn', v)} />
          </Field>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t({ vi: 'Lịch làm việc của Đoàn', en: 'Working sessions' })}</legend>
        <Index each={form.sessions}>
          {(s, i) => (
            <div class="sup-row" data-testid="session-row">
              <Field label={{ vi: 'Ngày', en: 'Date' }}>
                <DateInput name={`session-date-${i}`} value={s().date} onValue={(v) => setForm('sessions', i, 'date', v)} />
              </Field>
              <Field label={{ vi: 'Giờ', en: 'Time' }}>
                <DateInput kind="time" name={`session-time-${i}`} value={s().time} onValue={(v) => setForm('sessions', i, 'time', v)} />
              </Field>
              <Field label={{ vi: 'Làm việc với', en: 'With unit' }}>
                <input name={`session-unit-${i}`} value={s().unit} onInput={(e) => setForm('sessions', i, 'unit', e.currentTarget.value)} />
              </Field>
              <Field label={{ vi: 'Địa điểm', en: 'Place' }}>
                <input name={`session-place-${i}`} value={s().place} onInput={(e) => setForm('sessions', i, 'place', e.currentTarget.value)} />
              </Field>
              <RemoveButton small onClick={() => setForm('sessions', (rows) => rows.filter((_, j) => j !== i))} />
            </div>
          )}
        </Index>
        <div class="sup-actions">
          <button
            type="button"
            class="button secondary small"
            data-testid="add-session"
            onClick={() => setForm('sessions', (rows) => [...rows, emptySession()])}
          >
            {t({ vi: '+ Thêm buổi làm việc', en: '+ Add session' })}
          </button>
          <span class="muted" data-testid="form-report-due">
            {dueOn()
              ? t({
                  vi: `Hạn báo cáo kết quả: ${formatDate(dueOn())} (15 ngày sau buổi làm việc cuối)`,
                  en: `Report due: ${formatDate(dueOn())} (15 days after the last session)`,
                })
              : t({ vi: 'Hạn báo cáo được tính khi có lịch làm việc', en: 'The report due date follows from the sessions' })}
          </span>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t({ vi: 'Thành phần Đoàn giám sát', en: 'Supervision team' })}</legend>
        <strong>{t({ vi: 'Trưởng đoàn', en: 'Leader' })}</strong>
        <PersonFields prefix="leader" value={form.leader} set={(k, v) => setForm('leader', k, v)} />
        <Index each={form.members}>
          {(m, i) => (
            <div>
              <strong>
                {t({ vi: 'Thành viên', en: 'Member' })} {i + 1}
              </strong>{' '}
              <RemoveButton small onClick={() => setForm('members', (rows) => rows.filter((_, j) => j !== i))} />
              <PersonFields prefix={`member-${i}`} value={m()} set={(k, v) => setForm('members', i, k, v)} />
            </div>
          )}
        </Index>
        <div>
          <AddButton
            secondary
            small
            testId="add-member"
            label={{ vi: 'Thêm thành viên', en: 'Add member' }}
            onClick={() => setForm('members', (rows) => [...rows, emptyPerson()])}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t({ vi: 'Phương thức', en: 'Method' })}</legend>
        <div class="sup-checks">
          <For each={supervisionMethods}>
            {(m) => (
              <label>
                <input
                  type="checkbox"
                  name="methods"
                  value={m}
                  checked={form.methods.includes(m)}
                  onChange={(e) => setForm(produce((f) => (f.methods = e.currentTarget.checked ? [...f.methods, m] : f.methods.filter((x) => x !== m))))}
                />
                {t(methodLabels[m])}
              </label>
            )}
          </For>
        </div>
        <Field label={{ vi: 'Ghi chú về phương thức', en: 'Method notes' }}>
          <textarea name="methodNote" rows="2" value={form.methodNote} onInput={(e) => setForm('methodNote', e.currentTarget.value)} />
        </Field>
      </fieldset>

      <fieldset>
        <legend>{t({ vi: 'Thực hiện nội dung của chương trình, quy chế phối hợp', en: 'Agreement item carried out' })}</legend>
        <div class="sup-row">
          <RecordPicker
            kind="agreement"
            name="agreementId"
            label={{ vi: 'Văn bản phối hợp', en: 'Agreement' }}
            value={form.agreementId}
            onPick={(r) => setForm('agreementId', r?.id ?? '')}
          />
          <Field label={{ vi: 'Nội dung số', en: 'Item no.' }}>
            <input type="number" min="1" max="999" name="itemNo" value={form.itemNo} onInput={(e) => setForm('itemNo', e.currentTarget.value)} />
          </Field>
        </div>
        <TextArea label={{ vi: 'Ghi chú', en: 'Notes' }} name="note" rows="2" value={form.note} onInput={(e) => setForm('note', e.currentTarget.value)} />
      </fieldset>

      <ErrorAlert error={action.error()} />
      <div class="sup-actions">
        <SubmitButton
          label={props.plan ? { vi: 'Lưu thay đổi', en: 'Save changes' } : { vi: 'Lập kế hoạch', en: 'Create plan' }}
          busy={action.busy()}
          data-testid="save-plan"
        />
        <A href={props.plan ? `/supervision/plans/${props.plan.id}` : '/supervision'} class="button secondary">
          {t({ vi: 'Hủy', en: 'Cancel' })}
        </A>
      </div>
    </form>
  );
}

export function NewPlanPage() {
  focusHeading();
  return (
    <section>
      <h1>{t({ vi: 'Lập kế hoạch giám sát', en: 'New supervision plan' })}</h1>
      <PlanEditor />
    </section>
  );
}

export function EditPlanPage() {
  focusHeading();
  const params = useParams<{ id: string }>();
  const [detail] = createResource(
    () => params.id,
    (id) => supervisionApi.detail(id),
  );
  return (
    <section>
      <h1>{t({ vi: 'Sửa kế hoạch giám sát', en: 'Edit supervision plan' })}</h1>
      <Async of={detail}>{(d) => <PlanEditor plan={d().plan} />}</Async>
    </section>
  );
}
