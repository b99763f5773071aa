// Stories the screenshot script stages for the 督办 and 复盘 presets, so their pictures show what
// they are for: a severity-1 incident worked by a lead and a cooperating unit (passed down a
// level, flagged overdue and escalated by the SLA clock, then closed), and open tasks in several
// districts, one overdue and escalated. Events are appended as the hub itself with the hub's
// clock set back over the last three hours for the staging, so the steps take minutes, not ms.
import type { EventDraft, TaskSla } from '../shared/protocol/events';

export interface StoryHub {
  appendSystemEvent(draft: EventDraft): Promise<unknown>;
}

/** The hub's clock offset (ms): startHub gets `now: () => Date.now() + clock.offsetMs`. */
export interface StoryClock {
  offsetMs: number;
}

const MINUTE = 60_000;
const SPAN_MIN = 180;

/** SLA minutes by severity, as hub/domain/slaPolicy.ts. */
const SLA_MINUTES: Record<number, [number, number, number]> = { 1: [5, 20, 60], 2: [10, 45, 180], 3: [30, 120, 720], 4: [60, 240, 1440] };

/** Stages the stories; resolves with the wharf task's acceptance deadline (about now), for `raiseOverdueAlarm`. */
export async function stageSupervisionStory(hub: StoryHub, clock: StoryClock): Promise<string> {
  const start = Date.now();
  // Minute `t` of the story is `SPAN_MIN - t` minutes before the staging started.
  const at = async (t: number, draft: EventDraft) => {
    clock.offsetMs = (t - SPAN_MIN) * MINUTE - (Date.now() - start);
    await hub.appendSystemEvent(draft);
  };
  const sla = (severity: number, t: number): TaskSla => {
    const [accept, arrive, close] = SLA_MINUTES[severity]!;
    const due = (m: number) => new Date(start + (t + m - SPAN_MIN) * MINUTE).toISOString();
    return { acceptBy: due(accept), arriveBy: due(arrive), closeBy: due(close) };
  };
  const dueOf = (severity: number, t: number, step: 0 | 1 | 2) => new Date(start + (t + SLA_MINUTES[severity]![step] - SPAN_MIN) * MINUTE).toISOString();

  try {
    // 1. Severity 1 at 解放碑, closed: the incident the review shows by default.
    const gas = 'shot-gas-leak';
    await at(0, { type: 'incident.reported', incidentId: gas, title: '解放碑商圈燃气管道泄漏', kind: 'gas', board: 'emergency', severity: 1, location: [106.5774, 29.5576], units: ['500000', '500103', '500103003'], source: '物联感知', by: 's500103003-duty' });
    const lead = 'shot-gas-lead';
    const coop = 'shot-gas-coop';
    const gasSla = sla(1, 3);
    await at(3, { type: 'task.dispatched', taskId: lead, incidentId: gas, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500103', note: '主办：关阀、警戒、疏散', sla: gasSla });
    await at(3, { type: 'task.dispatched', taskId: coop, incidentId: gas, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500105', note: '协办：江北侧交通疏导', sla: gasSla, leadTaskId: lead });
    await at(5, { type: 'task.accepted', taskId: lead, incidentId: gas, state: 'accepted', by: 'd500103-duty', toUnit: '500103' });
    await at(7, { type: 'task.redispatched', taskId: lead, incidentId: gas, state: 'dispatched', by: 'd500103-duty', fromUnit: '500103', toUnit: '500103003', note: '就近处置' });
    await at(8, { type: 'task.overdue', taskId: coop, incidentId: gas, state: 'dispatched', by: 'system', toUnit: '500105', step: 'accept', dueAt: dueOf(1, 3, 0) });
    await at(8, { type: 'task.escalated', taskId: coop, incidentId: gas, state: 'escalated', by: 'system', toUnit: '500000', reason: 'accept overdue' });
    await at(9, { type: 'task.accepted', taskId: lead, incidentId: gas, state: 'accepted', by: 's500103003-duty', toUnit: '500103003' });
    await at(11, { type: 'task.redispatched', taskId: coop, incidentId: gas, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500105002' });
    await at(13, { type: 'task.accepted', taskId: coop, incidentId: gas, state: 'accepted', by: 's500105002-duty', toUnit: '500105002' });
    await at(21, { type: 'task.arrived', taskId: lead, incidentId: gas, state: 'arrived', by: 's500103003-duty', toUnit: '500103003' });
    await at(23, { type: 'task.overdue', taskId: coop, incidentId: gas, state: 'accepted', by: 'system', toUnit: '500105002', step: 'arrive', dueAt: dueOf(1, 3, 1) });
    await at(30, { type: 'task.arrived', taskId: coop, incidentId: gas, state: 'arrived', by: 's500105002-duty', toUnit: '500105002' });
    await at(48, { type: 'task.feedback', taskId: lead, incidentId: gas, state: 'feedback', by: 's500103003-duty', toUnit: '500103003', text: '阀门已关闭，现场警戒解除' });
    await at(52, { type: 'task.feedback', taskId: coop, incidentId: gas, state: 'feedback', by: 's500105002-duty', toUnit: '500105002', text: '江北侧交通已恢复' });
    await at(58, { type: 'task.closed', taskId: lead, incidentId: gas, state: 'closed', by: 'city-duty', toUnit: '500103003' });
    await at(61, { type: 'task.closed', taskId: coop, incidentId: gas, state: 'closed', by: 'city-duty', toUnit: '500105002' });
    await at(65, { type: 'incident.closed', incidentId: gas, by: 'city-duty' });

    // 2. Open work for the board: 江北区 late and escalated, 南岸区 never accepted, others under way.
    const drain = 'shot-drain';
    await at(100, { type: 'incident.reported', incidentId: drain, title: '观音桥商圈排水管网堵塞', kind: 'drainage', board: 'facility', severity: 2, location: [106.5318, 29.5754], units: ['500000', '500105', '500105003'], by: 's500105003-duty' });
    await at(102, { type: 'task.dispatched', taskId: 'shot-drain-1', incidentId: drain, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500105', sla: sla(2, 102) });
    await at(110, { type: 'task.accepted', taskId: 'shot-drain-1', incidentId: drain, state: 'accepted', by: 'd500105-duty', toUnit: '500105' });
    await at(112, { type: 'task.redispatched', taskId: 'shot-drain-1', incidentId: drain, state: 'dispatched', by: 'd500105-duty', fromUnit: '500105', toUnit: '500105003' });
    await at(118, { type: 'task.accepted', taskId: 'shot-drain-1', incidentId: drain, state: 'accepted', by: 's500105003-duty', toUnit: '500105003' });
    await at(147, { type: 'task.overdue', taskId: 'shot-drain-1', incidentId: drain, state: 'accepted', by: 'system', toUnit: '500105003', step: 'arrive', dueAt: dueOf(2, 102, 1) });
    await at(147, { type: 'task.escalated', taskId: 'shot-drain-1', incidentId: drain, state: 'escalated', by: 'system', toUnit: '500105', reason: 'arrive overdue' });

    const stalls = 'shot-stalls';
    await at(120, { type: 'incident.reported', incidentId: stalls, title: '南坪步行街占道经营', kind: 'stalls', board: 'governance', severity: 3, location: [106.5703, 29.5262], units: ['500000', '500108'], by: 'd500108-duty' });
    await at(121, { type: 'task.dispatched', taskId: 'shot-stalls-1', incidentId: stalls, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500108', sla: sla(3, 121) });
    await at(151, { type: 'task.overdue', taskId: 'shot-stalls-1', incidentId: stalls, state: 'dispatched', by: 'system', toUnit: '500108', step: 'accept', dueAt: dueOf(3, 121, 0) });

    const square = 'shot-square';
    await at(130, { type: 'incident.reported', incidentId: square, title: '三峡广场公共设施损坏', kind: 'facility', board: 'facility', severity: 4, location: [106.4592, 29.5589], units: ['500000', '500106'], by: 'd500106-duty' });
    await at(131, { type: 'task.dispatched', taskId: 'shot-square-1', incidentId: square, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500106', sla: sla(4, 131) });
    await at(139, { type: 'task.accepted', taskId: 'shot-square-1', incidentId: square, state: 'accepted', by: 'd500106-duty', toUnit: '500106' });
    await at(158, { type: 'task.arrived', taskId: 'shot-square-1', incidentId: square, state: 'arrived', by: 'd500106-duty', toUnit: '500106' });

    const road = 'shot-road';
    await at(140, { type: 'incident.reported', incidentId: road, title: '机场路多车追尾', kind: 'traffic', board: 'emergency', severity: 2, location: [106.6412, 29.7203], units: ['500000', '500112', '500112002'], by: 's500112002-duty' });
    await at(141, { type: 'task.dispatched', taskId: 'shot-road-1', incidentId: road, state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500112', sla: sla(2, 141) });
    await at(144, { type: 'task.accepted', taskId: 'shot-road-1', incidentId: road, state: 'accepted', by: 'd500112-duty', toUnit: '500112' });
    await at(146, { type: 'task.redispatched', taskId: 'shot-road-1', incidentId: road, state: 'dispatched', by: 'd500112-duty', fromUnit: '500112', toUnit: '500112002' });
    await at(150, { type: 'task.accepted', taskId: 'shot-road-1', incidentId: road, state: 'accepted', by: 's500112002-duty', toUnit: '500112002' });
    await at(171, { type: 'task.arrived', taskId: 'shot-road-1', incidentId: road, state: 'arrived', by: 's500112002-duty', toUnit: '500112002' });

    // 3. Dispatched a minute before now, due now: what `raiseOverdueAlarm` flags.
    await at(176, { type: 'incident.reported', incidentId: 'shot-wharf', title: '朝天门码头游客落水', kind: 'drowning', board: 'emergency', severity: 1, location: [106.5865, 29.5646], units: ['500000', '500103', '500103001'], by: 's500103001-duty' });
    const wharfSla = sla(1, 179);
    await at(179, { type: 'task.dispatched', taskId: 'shot-wharf-1', incidentId: 'shot-wharf', state: 'dispatched', by: 'city-duty', fromUnit: '500000', toUnit: '500103', sla: wharfSla });
    return wharfSla.acceptBy;
  } finally {
    clock.offsetMs = 0;
  }
}

/** The SLA clock's flag and escalation of the wharf task: the 督办 banner on the city's wall. */
export async function raiseOverdueAlarm(hub: StoryHub, dueAt: string): Promise<void> {
  await hub.appendSystemEvent({ type: 'task.overdue', taskId: 'shot-wharf-1', incidentId: 'shot-wharf', state: 'dispatched', by: 'system', toUnit: '500103', step: 'accept', dueAt });
  await hub.appendSystemEvent({ type: 'task.escalated', taskId: 'shot-wharf-1', incidentId: 'shot-wharf', state: 'escalated', by: 'system', toUnit: '500000', reason: 'accept overdue' });
}
