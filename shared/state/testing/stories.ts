import type { HubEvent } from '../../protocol/events';

/*
 * Event stories the state tests share: a severity-2 incident in 渝中区 worked by a lead task
 * passed down city → district → street, and a cooperating task in 渝北区 that nobody accepts in
 * time, so the SLA clock flags it and escalates it to the city, which passes it to a street.
 */

/** 2026-03-02 08:MM:SS in Chongqing (UTC+8), as the hub writes it (UTC). */
export function at(minute: number, second = 0): string {
  return new Date(Date.UTC(2026, 2, 2, 0, minute, second)).toISOString();
}

export const CITY = '500000';
export const YUZHONG = '500103';
export const JIEFANGBEI = '500103003';
export const YUBEI = '500112';
export const YUBEI_STREET = '500112002';
export const JIANGBEI = '500105';

const sla = { acceptBy: at(12), arriveBy: at(47), closeBy: at(182) };

/** Event seq → event; seqs are spaced so a test can slice the story at any step. */
export const chainStory: HubEvent[] = [
  { seq: 1, ts: at(0), type: 'incident.reported', incidentId: 'i1', title: '解放碑 人员聚集', kind: 'crowd', board: 'governance', severity: 2, location: [106.577, 29.557], units: [CITY, YUZHONG, JIEFANGBEI], by: 'city-duty' },
  { seq: 2, ts: at(2), type: 'task.dispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'city-duty', fromUnit: CITY, toUnit: YUZHONG, sla },
  { seq: 3, ts: at(2), type: 'task.dispatched', taskId: 't2', incidentId: 'i1', state: 'dispatched', by: 'city-duty', fromUnit: CITY, toUnit: YUBEI, sla, leadTaskId: 't1' },
  { seq: 4, ts: at(5), type: 'task.accepted', taskId: 't1', incidentId: 'i1', state: 'accepted', by: 'd500103-duty', toUnit: YUZHONG },
  { seq: 5, ts: at(8), type: 'task.redispatched', taskId: 't1', incidentId: 'i1', state: 'dispatched', by: 'd500103-duty', fromUnit: YUZHONG, toUnit: JIEFANGBEI, note: '就近处置' },
  { seq: 6, ts: at(11), type: 'task.accepted', taskId: 't1', incidentId: 'i1', state: 'accepted', by: 's500103003-duty', toUnit: JIEFANGBEI },
  { seq: 7, ts: at(12), type: 'task.overdue', taskId: 't2', incidentId: 'i1', state: 'dispatched', by: 'system', toUnit: YUBEI, step: 'accept', dueAt: at(12) },
  { seq: 8, ts: at(12), type: 'task.escalated', taskId: 't2', incidentId: 'i1', state: 'escalated', by: 'system', toUnit: CITY, reason: 'accept overdue' },
  { seq: 9, ts: at(15), type: 'task.redispatched', taskId: 't2', incidentId: 'i1', state: 'dispatched', by: 'city-duty', fromUnit: CITY, toUnit: YUBEI_STREET },
  { seq: 10, ts: at(20), type: 'task.accepted', taskId: 't2', incidentId: 'i1', state: 'accepted', by: 's500112002-duty', toUnit: YUBEI_STREET },
  { seq: 11, ts: at(30), type: 'task.arrived', taskId: 't1', incidentId: 'i1', state: 'arrived', by: 's500103003-duty', toUnit: JIEFANGBEI },
  { seq: 12, ts: at(40), type: 'task.arrived', taskId: 't2', incidentId: 'i1', state: 'arrived', by: 's500112002-duty', toUnit: YUBEI_STREET },
  { seq: 13, ts: at(50), type: 'task.feedback', taskId: 't1', incidentId: 'i1', state: 'feedback', by: 's500103003-duty', toUnit: JIEFANGBEI, text: '人群已疏散' },
  { seq: 14, ts: at(60), type: 'task.feedback', taskId: 't2', incidentId: 'i1', state: 'feedback', by: 's500112002-duty', toUnit: YUBEI_STREET, text: '已配合' },
  { seq: 15, ts: at(70), type: 'task.closed', taskId: 't1', incidentId: 'i1', state: 'closed', by: 'city-duty', toUnit: JIEFANGBEI },
  { seq: 16, ts: at(80), type: 'task.closed', taskId: 't2', incidentId: 'i1', state: 'closed', by: 'city-duty', toUnit: YUBEI_STREET },
  { seq: 17, ts: at(90), type: 'incident.closed', incidentId: 'i1', by: 'city-duty' },
];

/** The story up to and including `seq`. */
export function storyUpTo(seq: number): HubEvent[] {
  return chainStory.filter((e) => e.seq <= seq);
}
