// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import type { UnitRef } from '../../shared/protocol/units';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import { mount, settle, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { TONE_EVENT } from '../sound/tones';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge, reported, taskEvent } from '../testing/fakeBridge';
import { InboxBanner } from './InboxBanner';
import { InboxPanel } from './InboxPanel';
import { CITY, JIEFANGBEI, YUZHONG, consoleSession, typeInto } from './testKit';

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const sla = (acceptIn: number) => ({ acceptBy: inMinutes(acceptIn), arriveBy: inMinutes(acceptIn + 30), closeBy: inMinutes(acceptIn + 120) });

/** The incident reaches down to 民生路社区, so a street redispatches to it by default. */
const fire: HubEvent = { ...reported(1, 'fire-1', 1, '解放碑商圈火情'), units: ['500000', '500103', '500103001', '500103001003'] } as HubEvent;
const flood = reported(2, 'flood-2', 3, '较场口积水');

function dispatched(seq: number, taskId: string, fromUnit: string, toUnit: string, extra: Record<string, unknown> = {}): HubEvent {
  return taskEvent(seq, 'task.dispatched', { taskId, incidentId: 'fire-1', state: 'dispatched', fromUnit, toUnit, sla: sla(8), ...extra });
}

function step(seq: number, type: `task.${string}`, taskId: string, state: string, extra: Record<string, unknown> = {}): HubEvent {
  return taskEvent(seq, type as HubEvent['type'] & `task.${string}`, { taskId, incidentId: 'fire-1', state, ...extra });
}

let bridge: FakeBridge;
let view: Mounted | null = null;
let tones: string[] = [];
const onTone = (event: Event) => tones.push((event as CustomEvent<string>).detail);

beforeAll(() => {
  initI18n('zh-CN');
  window.addEventListener(TONE_EVENT, onTone);
});
beforeEach(() => {
  bridge = new FakeBridge().withSampleUnits();
  tones = [];
});
afterEach(() => {
  view?.unmount();
  view = null;
});

function showAt(unit: UnitRef, events: HubEvent[], roles: ('duty' | 'leader' | 'trainer')[] = ['duty']) {
  useWallStore.setState({
    wall: reduceEvents(emptyWallState(), [fire, flood, ...events]),
    session: consoleSession(unit, roles),
    outbox: [],
    unitNames: { '500000': '重庆市', '500103': '渝中区', '500103001': '解放碑街道', '500103001003': '民生路社区' },
  });
}

function fold(...events: HubEvent[]) {
  const s = useWallStore.getState();
  useWallStore.setState({ wall: reduceEvents(s.wall, events) });
}

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = view!.container) => root.querySelector<T>(selector);
const item = (taskId: string) => $(`[data-testid="inbox-task"][data-task-id="${taskId}"]`)!;
const verbs = (taskId: string) => [...item(taskId).querySelectorAll<HTMLElement>('[data-testid^="task-action-"]')].map((b) => b.dataset.testid!.replace('task-action-', '')).filter((v) => v !== 'submit');
const action = (taskId: string, verb: string) => $<HTMLButtonElement>(`[data-testid="task-action-${verb}"]`, item(taskId))!;
const submit = (taskId: string) => $<HTMLButtonElement>('[data-testid="task-action-submit"]', item(taskId))!;

describe('the inbox of a street', () => {
  it('lists the tasks sent to it, newest first, with incident, severity, sender, note and the accept countdown', async () => {
    showAt(JIEFANGBEI, [
      dispatched(3, 't-old', '500103', '500103001', { leadTaskId: 't-lead' }),
      dispatched(4, 't-new', '500103', '500103001', { note: '请核实火点' }),
      dispatched(5, 't-other', '500103', '500103002'),
    ]);
    view = await mount(<InboxPanel />, bridge);
    const items = [...view.container.querySelectorAll<HTMLElement>('[data-testid="inbox"] [data-testid="inbox-task"]')];
    expect(items.map((i) => [i.dataset.taskId, i.dataset.state])).toEqual([
      ['t-new', 'dispatched'],
      ['t-old', 'dispatched'],
    ]);
    const text = item('t-new').textContent!;
    for (const part of ['解放碑商圈火情', 'Ⅰ级', '来自 渝中区', '说明：请核实火点', '签收时限', '已派遣']) expect(text).toContain(part);
    expect(item('t-new').querySelector('[data-testid="task-deadline"]')!.textContent).toMatch(/签收时限 剩余 [78]:\d\d/);
    expect(text).not.toContain('督办');
    expect(text).not.toContain('协办');
    expect(item('t-old').textContent).toContain('协办'); // a cooperating unit's task of a bigger dispatch
  });

  it('offers accept, return, redispatch and escalate on a dispatched task, and sends one accept', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001')]);
    view = await mount(<InboxPanel />, bridge);
    expect(verbs('t1')).toEqual(['accept', 'return', 'redispatch', 'escalate']);
    await settle(() => {
      action('t1', 'accept').click();
      action('t1', 'accept').click();
    });
    expect(bridge.submitted).toHaveLength(1);
    expect(bridge.submitted[0]).toMatchObject({ type: 'task.accept', taskId: 't1' });
    const status = $('[data-testid="task-status"]', item('t1'))!;
    expect(status.dataset.outboxStatus).toBe('sending');
    expect(status.textContent).toBe('接收 · 发送中');
    expect(action('t1', 'return').disabled).toBe(true); // nothing else while one travels

    // The hub acknowledges and the event arrives: the next actions.
    await settle(() => {
      const sent = useWallStore.getState().outbox[0]!;
      useWallStore.getState().upsertOutboxItem({ ...sent, status: 'acknowledged', ack: { ok: true, seq: 4, taskId: 't1' } });
      fold(step(4, 'task.accepted', 't1', 'accepted', { toUnit: '500103001' }));
    });
    expect(item('t1').dataset.state).toBe('accepted');
    expect($('[data-testid="task-status"]', item('t1'))).toBeNull();
    expect(verbs('t1')).toEqual(['return', 'redispatch', 'arrive', 'escalate']);
    expect(item('t1').querySelector('[data-testid="task-deadline"]')!.textContent).toContain('到场时限');
  });

  it('returns only with a reason', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001')]);
    view = await mount(<InboxPanel />, bridge);
    await settle(() => action('t1', 'return').click());
    expect(submit('t1').disabled).toBe(true);
    typeInto($<HTMLInputElement>('[data-testid="task-form-text"]', item('t1'))!, '   ');
    expect(submit('t1').disabled).toBe(true);
    typeInto($<HTMLInputElement>('[data-testid="task-form-text"]', item('t1'))!, '不属本街道辖区');
    await settle(() => submit('t1').click());
    expect(bridge.submitted).toEqual([expect.objectContaining({ type: 'task.return', taskId: 't1', reason: '不属本街道辖区' })]);
    expect($('[data-testid="task-form"]', item('t1'))).toBeNull();
  });

  it('redispatches below, to the incident’s own community by default', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001')]);
    view = await mount(<InboxPanel />, bridge);
    await settle(() => action('t1', 'redispatch').click());
    await settle();
    expect(bridge.queries).toContainEqual({ kind: 'children', code: '500103001' });
    const option = $<HTMLButtonElement>('[data-unit-code="500103001003"]', item('t1'))!;
    expect(option.getAttribute('aria-pressed')).toBe('true');
    expect(option.textContent).toContain('民生路社区');
    await settle(() => submit('t1').click());
    expect(bridge.submitted).toEqual([expect.objectContaining({ type: 'task.redispatch', taskId: 't1', toUnit: '500103001003' })]);
  });

  it('gives feedback only with a text, once arrived', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001'), step(4, 'task.accepted', 't1', 'accepted'), step(5, 'task.arrived', 't1', 'arrived')]);
    view = await mount(<InboxPanel />, bridge);
    expect(verbs('t1')).toEqual(['feedback', 'escalate']);
    await settle(() => action('t1', 'feedback').click());
    expect(submit('t1').disabled).toBe(true);
    typeInto($<HTMLTextAreaElement>('textarea[data-testid="task-form-text"]', item('t1'))!, '明火已扑灭，无人员伤亡');
    await settle(() => submit('t1').click());
    expect(bridge.submitted).toEqual([expect.objectContaining({ type: 'task.feedback', text: '明火已扑灭，无人员伤亡' })]);
  });

  it('marks an overdue task red with 督办', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001', { sla: sla(-3) })]);
    view = await mount(<InboxPanel />, bridge);
    const deadline = item('t1').querySelector<HTMLElement>('[data-testid="task-deadline"]')!;
    expect(deadline.dataset.overdue).toBe('true');
    expect(deadline.className).toContain('inbox-task__deadline--overdue');
    expect(deadline.textContent).toMatch(/签收时限 已超时 [23]:\d\d/);
    expect(item('t1').textContent).toContain('督办');
  });

  it('shows an action waiting in the outbox as pending, and a refusal with its code', async () => {
    bridge.submitCommand = (command) => {
      bridge.submitted.push(command);
      return Promise.resolve({ id: command.id, command, status: 'pending', attempts: 0, queuedAt: '2024-05-01T08:00:00.000Z' });
    };
    showAt(JIEFANGBEI, [dispatched(3, 't1', '500103', '500103001')]);
    view = await mount(<InboxPanel />, bridge);
    await settle(() => action('t1', 'accept').click());
    const status = () => $<HTMLElement>('[data-testid="task-status"]', item('t1'))!;
    expect(status().dataset.outboxStatus).toBe('pending');
    expect(status().textContent).toBe('接收 · 待发送');
    await settle(() => {
      const sent = useWallStore.getState().outbox[0]!;
      useWallStore.getState().upsertOutboxItem({ ...sent, status: 'rejected', ack: { ok: false, error: { code: 'conflict', message: 'cannot task.accept a task that is escalated' } } });
    });
    expect(status().dataset.outboxStatus).toBe('rejected');
    expect(status().textContent).toBe('接收被拒绝（conflict）：cannot task.accept a task that is escalated');
    expect(action('t1', 'accept').disabled).toBe(false);
  });
});

describe('the dispatcher’s side', () => {
  it('lists what the city sent, offering close and evaluate only when it may', async () => {
    showAt(CITY, [
      dispatched(3, 'c1', '500000', '500103'),
      dispatched(4, 'c2', '500000', '500103'),
      step(5, 'task.accepted', 'c2', 'accepted'),
      step(6, 'task.arrived', 'c2', 'arrived'),
      step(7, 'task.feedback', 'c2', 'feedback', { text: '已处置' }),
    ]);
    view = await mount(<InboxPanel />, bridge);
    expect($('[data-section="received"]')).toBeNull();
    expect([...view.container.querySelectorAll<HTMLElement>('[data-section="sent"] [data-testid="inbox-task"]')].map((i) => i.dataset.taskId)).toEqual(['c2', 'c1']);
    expect(item('c1').textContent).toContain('承办 渝中区');
    expect(verbs('c1')).toEqual(['redispatch', 'escalate']);
    expect(verbs('c2')).toEqual(['close']);

    await settle(() => action('c2', 'close').click());
    expect(bridge.submitted).toEqual([expect.objectContaining({ type: 'task.close', taskId: 'c2' })]);
    await settle(() => {
      const sent = useWallStore.getState().outbox[0]!;
      useWallStore.getState().upsertOutboxItem({ ...sent, status: 'acknowledged', ack: { ok: true, seq: 8, taskId: 'c2' } });
      fold(step(8, 'task.closed', 'c2', 'closed'));
    });
    expect(item('c2').dataset.state).toBe('closed');
    expect(verbs('c2')).toEqual(['evaluate']);

    await settle(() => action('c2', 'evaluate').click());
    expect(submit('c2').disabled).toBe(true);
    await settle(() => $<HTMLButtonElement>('[data-score="4"]', item('c2'))!.click());
    await settle(() => submit('c2').click());
    expect(bridge.submitted[1]).toMatchObject({ type: 'task.evaluate', taskId: 'c2', score: 4 });
    await settle(() => fold(step(9, 'task.evaluated', 'c2', 'evaluated', { score: 4 })));
    expect($('[data-testid="inbox-task"][data-task-id="c2"]')).toBeNull(); // done: off the list
  });

  it('offers a trainer nothing', async () => {
    showAt(CITY, [dispatched(3, 'c1', '500000', '500103')], ['trainer']);
    view = await mount(<InboxPanel />, bridge);
    expect(verbs('c1')).toEqual([]);
  });

  it('puts a task escalated up to the district in the district’s inbox', async () => {
    showAt(YUZHONG, [dispatched(3, 't1', '500103', '500103001'), step(4, 'task.escalated', 't1', 'escalated', { toUnit: '500103', reason: '力量不足' })]);
    view = await mount(<InboxPanel />, bridge);
    expect(item('t1').closest('[data-section]')!.getAttribute('data-section')).toBe('received');
    expect(verbs('t1')).toEqual(['redispatch']);
  });
});

describe('the new-task banner', () => {
  it('announces a task that arrives after the first snapshot, with a tone, and not the ones already there', async () => {
    showAt(JIEFANGBEI, [dispatched(3, 't-old', '500103', '500103001')]);
    view = await mount(
      <>
        <InboxBanner />
        <InboxPanel />
      </>,
      bridge,
    );
    expect($('[data-testid="inbox-banner"]')).toBeNull();
    expect(tones).toEqual([]);

    await settle(() => fold(dispatched(4, 't-new', '500103', '500103001')));
    const banner = $('[data-testid="inbox-banner"]')!;
    expect(banner.dataset.taskId).toBe('t-new');
    expect(banner.textContent).toContain('解放碑商圈火情');
    expect(banner.textContent).toContain('渝中区 派遣');
    expect(tones).toEqual(['inbox']);

    // Work on a task already here, or a task for someone else, rings nothing.
    await settle(() => fold(step(5, 'task.accepted', 't-old', 'accepted'), dispatched(6, 't-else', '500103', '500103002')));
    expect(tones).toEqual(['inbox']);
    expect($('[data-testid="inbox-banner"]')!.dataset.taskId).toBe('t-new');

    await settle(() => $<HTMLButtonElement>('[data-testid="inbox-banner-dismiss"]')!.click());
    expect($('[data-testid="inbox-banner"]')).toBeNull();

    // A task passed down here from the other street is new work too.
    await settle(() => fold(step(7, 'task.redispatched', 't-else', 'dispatched', { fromUnit: '500103', toUnit: '500103001' })));
    expect($('[data-testid="inbox-banner"]')!.dataset.taskId).toBe('t-else');
    expect(tones).toEqual(['inbox', 'inbox']);
  });

  it('hides itself after a while', async () => {
    showAt(JIEFANGBEI, []);
    view = await mount(<InboxBanner hideAfterMs={40} />, bridge);
    await settle(() => fold(dispatched(3, 't1', '500103', '500103001')));
    expect($('[data-testid="inbox-banner"]')).not.toBeNull();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 80));
    });
    expect($('[data-testid="inbox-banner"]')).toBeNull();
  });
});
