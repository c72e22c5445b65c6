/**
 * The life of a resident's feedback: raised on a visit, then answered on the spot, answered in
 * writing by the cell, or escalated to the commune and the district, and closed. Only the steps
 * dated up to the reference day happen, so recent feedback is still open.
 */
import { viDate, type Rng, stamp, weighted } from './random.js';
import type { FeedbackEventRow, FeedbackLevel, FeedbackRow, FeedbackStatus, Topic } from './tables.js';
import { ANSWERS_ON_THE_SPOT, CELL_ANSWERS, CELL_TOPIC_ANSWERS, COMMUNE_ANSWERS, DISTRICT_ANSWERS, FEEDBACK } from './texts.js';
import type { UnitPlan } from './tree.js';
import type { VisitDraft } from './visits.js';

export interface FeedbackStep {
  status: FeedbackStatus;
  level: FeedbackLevel;
  day: number;
  minute: number;
  actor: string;
  note: string | null;
  answer: string | null;
}

export interface FeedbackPlan {
  topic: Topic;
  content: string;
  steps: FeedbackStep[];
}

type Path = 'spot' | 'cell' | 'commune' | 'district' | 'reopened' | 'unanswered';
const pathPicker = weighted<Path>([['spot', 34], ['cell', 15], ['commune', 30], ['district', 11], ['reopened', 5], ['unanswered', 5]]);

export function planFeedback(unit: UnitPlan, visit: VisitDraft, topic: Topic, rng: Rng, ref: number): FeedbackPlan {
  const place = visit.cell.place ? visit.cell.place.toLowerCase() : 'bản';
  const content = rng.pick(FEEDBACK[topic]).replace('{place}', place);
  const secretary = `Bí thư ${visit.cell.row.name.replace(/^Chi bộ/, 'chi bộ')}`;
  const commune = `Văn phòng Đảng ủy ${unit.committee.name.charAt(0).toLowerCase()}${unit.committee.name.slice(1)}`;
  const district = `Văn phòng ${unit.superior}`;
  const steps: FeedbackStep[] = [
    { status: 'raised', level: 'cell', day: visit.day, minute: visit.minute, actor: visit.recordedBy.row.full_name, note: null, answer: null },
  ];
  let day = visit.day;
  let minute = visit.minute;
  const step = (status: FeedbackStatus, level: FeedbackLevel, after: [number, number], actor: string, note: string | null, answer: string | null = null) => {
    const wait = rng.int(after[0], after[1]);
    if (wait === 0) minute = Math.min(minute + rng.int(5, 90), 23 * 60 + 59);
    else minute = rng.int(7 * 60 + 30, 16 * 60 + 30);
    day += wait;
    steps.push({ status, level, day, minute, actor, note, answer });
  };
  const writing = (answers: readonly string[]) => `${rng.pick(answers)} (văn bản ngày ${viDate(day)})`;
  const closing = () => { if (rng.chance(0.75)) step('closed', steps[steps.length - 1].level, [3, 25], secretary, 'Hộ gia đình đã nhận được trả lời, đồng tình'); };
  const path = pathPicker(rng);
  switch (path) {
    case 'spot':
      step('answered_on_the_spot', 'cell', [0, 0], visit.recordedBy.row.full_name, null, rng.pick(ANSWERS_ON_THE_SPOT));
      closing();
      break;
    case 'cell':
      step('answered_in_writing', 'cell', [5, 28], secretary, 'Trả lời tại kỳ sinh hoạt chi bộ', null);
      steps[steps.length - 1].answer = writing(CELL_TOPIC_ANSWERS[topic] && rng.chance(0.7) ? [CELL_TOPIC_ANSWERS[topic]] : CELL_ANSWERS);
      closing();
      break;
    case 'reopened':
      step('answered_on_the_spot', 'cell', [0, 0], visit.recordedBy.row.full_name, null, rng.pick(ANSWERS_ON_THE_SPOT));
      step('escalated', 'commune', [4, 20], secretary, 'Hộ gia đình chưa đồng tình, chuyển Đảng ủy xã');
      answerAbove('commune');
      break;
    case 'commune':
      step('escalated', 'commune', [3, 30], secretary, 'Vượt thẩm quyền chi bộ, chuyển Đảng ủy xã xem xét');
      if (rng.chance(0.9)) answerAbove('commune');
      break;
    case 'district':
      step('escalated', 'commune', [3, 30], secretary, 'Vượt thẩm quyền chi bộ, chuyển Đảng ủy xã xem xét');
      step('escalated', 'district', [5, 30], commune, 'Đề nghị cấp trên xem xét, giải quyết');
      if (rng.chance(0.75)) answerAbove('district');
      break;
    case 'unanswered':
      break;
  }
  // Only what has happened by the reference day: the rest is still ahead.
  const past = steps.filter((s) => s.day <= ref);
  return { topic, content, steps: past };

  function answerAbove(level: 'commune' | 'district') {
    const actor = level === 'commune' ? commune : district;
    const wait: [number, number] = level === 'commune' ? [7, 35] : [15, 75];
    step('answered_in_writing', level, wait, actor, null, null);
    steps[steps.length - 1].answer = writing(level === 'commune' ? COMMUNE_ANSWERS : DISTRICT_ANSWERS);
    closing();
  }
}

/** The feedback row and its events as the transition triggers would have left them. */
export function feedbackRows(plan: FeedbackPlan, ids: { feedback: number; feedback_event: number }, visitId: number, cellId: number, householdId: number | null): { row: FeedbackRow; events: FeedbackEventRow[] } {
  const id = ++ids.feedback;
  const events: FeedbackEventRow[] = [];
  let answer: string | null = null;
  let answeredAt: string | null = null;
  let closedAt: string | null = null;
  let previous: FeedbackStep | null = null;
  for (const s of plan.steps) {
    const at = stamp(s.day, s.minute);
    if (s.status === 'answered_on_the_spot' || s.status === 'answered_in_writing') { answer = s.answer; answeredAt = at; }
    if (s.status === 'escalated') { answer = null; answeredAt = null; }
    if (s.status === 'closed') closedAt = at;
    events.push({
      id: ++ids.feedback_event, feedback_id: id, at, from_status: previous?.status ?? null, to_status: s.status,
      from_level: previous?.level ?? null, to_level: s.level, actor: s.actor, note: s.note,
    });
    previous = s;
  }
  const first = plan.steps[0];
  const last = plan.steps[plan.steps.length - 1];
  return {
    row: {
      id, visit_id: visitId, cell_id: cellId, household_id: householdId, topic: plan.topic, content: plan.content,
      level: last.level, status: last.status, answer, raised_on: events[0].at.slice(0, 10), answered_at: answeredAt,
      closed_at: closedAt, created_at: stamp(first.day, first.minute), updated_at: stamp(last.day, last.minute),
    },
    events,
  };
}
