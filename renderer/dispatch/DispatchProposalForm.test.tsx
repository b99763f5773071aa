// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DispatchProposal } from '../../shared/protocol/dispatch';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { OutboxItem } from '../../shared/view/viewChannel';
import { BridgeCallError } from '../bridge/webSocketBridge';
import { byText, key, mount, settle, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { IncidentDeskPanel } from '../panels/incidents';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge, reported } from '../testing/fakeBridge';
import { useDispatchDesk } from './dispatchDesk';
import { YUZHONG, consoleSession, typeInto } from './testKit';

const proposal: DispatchProposal = {
  incidentId: 'fire-1',
  rule: 'fire-sev1',
  reason: 'Ⅰ级火情：事发街道主办，相邻街道协办',
  lead: { code: '500103001', level: 'street', name: '解放碑街道' },
  cooperating: [{ code: '500103002', level: 'street', name: '朝天门街道' }],
  sla: { accept: 5, arrive: 20, close: 60 },
};

let bridge: FakeBridge;
let view: Mounted | null = null;

beforeAll(() => initI18n('zh-CN'));
beforeEach(() => {
  bridge = new FakeBridge().withSampleUnits();
  bridge.proposals['fire-1'] = proposal;
  useDispatchDesk.setState({ openIncidentId: null });
  useWallStore.setState({
    wall: reduceEvents(emptyWallState(), [reported(1, 'fire-1', 1, '解放碑商圈火情'), reported(2, 'tree-2', 4, '行道树倒伏')]),
    session: consoleSession(YUZHONG),
    outbox: [],
    unitNames: {},
    layout: null,
    control: null,
  });
});
afterEach(() => {
  view?.unmount();
  view = null;
});

const $ = <T extends Element = HTMLElement>(selector: string, root: ParentNode = view!.container) => root.querySelector<T>(selector);
const row = (id: string) => $(`tr[data-incident-id="${id}"]`)!;
const proposalBox = () => $('[data-testid="dispatch-proposal"]');
const confirm = () => $<HTMLButtonElement>('[data-testid="dispatch-confirm"]')!;
const status = (id: string) => $(`[data-testid="dispatch-status"]`, row(id));

async function openProposal(incidentId = 'fire-1') {
  view ??= await mount(<IncidentDeskPanel />, bridge);
  await settle(() => $<HTMLButtonElement>('[data-testid="dispatch-button"]', row(incidentId))!.click());
  await settle();
}

function acknowledge(item: OutboxItem, ack: OutboxItem['ack'] & object) {
  useWallStore.getState().upsertOutboxItem({ ...item, status: ack.ok ? 'acknowledged' : 'rejected', ack });
}

describe('dispatch from the incident desk', () => {
  it('shows the hub’s proposal under the row and sends exactly one command on a double click', async () => {
    await openProposal();
    expect(bridge.queries).toContainEqual({ kind: 'dispatchProposal', incidentId: 'fire-1' });
    const box = proposalBox()!;
    expect(box.closest('tr')!.previousElementSibling).toBe(row('fire-1'));
    expect($('[data-testid="dispatch-lead"]')!.textContent).toBe('解放碑街道');
    expect(box.textContent).toContain('街道');
    expect([...box.querySelectorAll<HTMLElement>('[data-testid="dispatch-cooperating"]')].map((c) => c.dataset.unitCode)).toEqual(['500103002']);
    expect($('[data-testid="dispatch-sla"]')!.textContent).toBe('签收 5 分钟 · 到场 20 分钟 · 办结 60 分钟');
    expect($('[data-testid="dispatch-reason"]')!.textContent).toContain('事发街道主办');
    expect(document.activeElement).toBe(confirm()); // Enter dispatches at once
    expect($('[data-testid="dispatch-button"]', row('fire-1'))!.getAttribute('aria-expanded')).toBe('true');

    await settle(() => {
      confirm().click();
      confirm().click();
    });
    expect(bridge.submitted).toHaveLength(1);
    expect(bridge.submitted[0]).toMatchObject({ type: 'task.dispatch', incidentId: 'fire-1', toUnit: '500103001', cooperating: ['500103002'] });
    expect(bridge.submitted[0]).not.toHaveProperty('note');
    expect(proposalBox()).toBeNull();
    expect(document.activeElement).toBe($('[data-testid="dispatch-button"]', row('fire-1')));

    // The fake main answers "sending"; then the hub acknowledges.
    expect(status('fire-1')!.dataset.dispatchState).toBe('sending');
    expect(status('fire-1')!.textContent).toBe('发送中 → 解放碑街道 等 1 个协办单位');
    await settle(() => acknowledge(useWallStore.getState().outbox[0]!, { ok: true, seq: 3, taskId: 't1', taskIds: ['t1', 't2'] }));
    expect(status('fire-1')!.dataset.dispatchState).toBe('acknowledged');
    expect(status('fire-1')!.textContent).toBe('已派遣 → 解放碑街道 等 1 个协办单位');

    // Opened again and confirmed again: a new command, with a new id.
    await openProposal();
    await settle(() => confirm().click());
    expect(bridge.submitted).toHaveLength(2);
    expect(bridge.submitted[1]!.id).not.toBe(bridge.submitted[0]!.id);
  });

  it('shows the dispatch as waiting to send while main holds it offline', async () => {
    bridge.submitCommand = (command) => {
      bridge.submitted.push(command);
      return Promise.resolve({ id: command.id, command, status: 'pending', attempts: 0, queuedAt: '2024-05-01T08:00:00.000Z' });
    };
    await openProposal();
    await settle(() => confirm().click());
    expect(status('fire-1')!.dataset.dispatchState).toBe('pending');
    expect(status('fire-1')!.textContent).toBe('待发送 → 解放碑街道 等 1 个协办单位');
  });

  it('takes another lead and other cooperating units from the caller’s subtree, a note and a deadline', async () => {
    await openProposal();
    // Lead: one click on 朝天门街道 in the district's streets; it leaves the cooperating list.
    await settle(() => $<HTMLButtonElement>('[data-testid="dispatch-change-lead"]')!.click());
    expect(bridge.queries).toContainEqual({ kind: 'children', code: '500103' });
    const picker = $('[data-unit-picker]')!;
    expect([...picker.querySelectorAll<HTMLElement>('[data-unit-code]')].map((o) => o.dataset.unitCode)).toEqual(['500103001', '500103002']);
    expect(byText(picker, '[data-unit-code]', '解放碑街道').textContent).toContain('事件所在'); // the incident's own street
    await settle(() => $<HTMLButtonElement>('[data-unit-code="500103002"]', picker)!.click());
    expect($('[data-unit-picker]')).toBeNull();
    expect($('[data-testid="dispatch-lead"]')!.textContent).toBe('朝天门街道');
    expect($('[data-testid="dispatch-cooperating"]')).toBeNull();

    // Cooperating: drill into 解放碑街道 and add its community; the lead cannot be picked again.
    await settle(() => $<HTMLButtonElement>('[data-testid="dispatch-add-cooperating"]')!.click());
    expect($<HTMLButtonElement>('[data-unit-picker] [data-unit-code="500103002"]')!.disabled).toBe(true);
    await settle(() => $<HTMLButtonElement>('[data-unit-picker] button[aria-label="展开 解放碑街道 的下级单位"]')!.click());
    await settle(() => $<HTMLButtonElement>('[data-unit-picker] [data-unit-code="500103001003"]')!.click());
    expect([...view!.container.querySelectorAll<HTMLElement>('[data-testid="dispatch-cooperating"]')].map((c) => c.dataset.unitCode)).toEqual(['500103001003']);
    // …and the street itself, then removed again.
    await settle(() => $<HTMLButtonElement>('[data-testid="dispatch-add-cooperating"]')!.click());
    await settle(() => $<HTMLButtonElement>('[data-unit-picker] [data-unit-code="500103001"]')!.click());
    await settle(() => $<HTMLButtonElement>('[data-testid="dispatch-cooperating"][data-unit-code="500103001"] button[aria-label^="移除"]')!.click());

    typeInto($<HTMLInputElement>('[data-testid="dispatch-note"]')!, '  请带梯车  ');
    const inAnHour = new Date(Date.now() + 3_600_000);
    const local = new Date(inAnHour.getTime() - inAnHour.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    typeInto($<HTMLInputElement>('[data-testid="dispatch-deadline"]')!, local);
    await settle(() => confirm().click());
    expect(bridge.submitted).toHaveLength(1);
    expect(bridge.submitted[0]).toMatchObject({ type: 'task.dispatch', toUnit: '500103002', cooperating: ['500103001003'], note: '请带梯车', deadline: new Date(local).toISOString() });
    expect(status('fire-1')!.textContent).toBe('发送中 → 朝天门街道 等 1 个协办单位');
  });

  it('refuses a deadline in the past and sends nothing', async () => {
    await openProposal();
    typeInto($<HTMLInputElement>('[data-testid="dispatch-deadline"]')!, '2020-01-01T08:00');
    await settle(() => confirm().click());
    expect(bridge.submitted).toEqual([]);
    expect(proposalBox()!.textContent).toContain('办结期限须晚于现在');
    expect(confirm().disabled).toBe(false);
  });

  it('says so clearly when the hub refuses the proposal, and offers no confirm', async () => {
    bridge.proposals['fire-1'] = new BridgeCallError('forbidden', 'incident fire-1 is outside the area of unit 500106');
    await openProposal();
    const error = $('[data-testid="dispatch-error"]')!;
    expect(error.dataset.code).toBe('forbidden');
    expect(error.textContent).toBe('无权派遣此事件（forbidden）：incident fire-1 is outside the area of unit 500106');
    expect($('[data-testid="dispatch-confirm"]')).toBeNull();
    await settle(() => key($('[data-testid="dispatch-cancel"]')!, 'Escape'));
    expect(proposalBox()).toBeNull();
  });

  it('falls back to the incident’s own unit below when the hub cannot be asked, and shows a refused dispatch', async () => {
    bridge.proposals['fire-1'] = new BridgeCallError('unavailable', 'hub unreachable');
    await openProposal();
    expect($('[data-testid="dispatch-error"]')!.textContent).toContain('未能获取平台派遣建议（unavailable）');
    expect($('[data-testid="dispatch-lead"]')!.dataset.unitCode).toBe('500103001');
    expect($('[data-testid="dispatch-sla"]')!.textContent).toBe('按平台规定');
    await settle(() => confirm().click());
    expect(bridge.submitted[0]).toMatchObject({ toUnit: '500103001' });
    expect(bridge.submitted[0]).not.toHaveProperty('cooperating');
    await settle(() => acknowledge(useWallStore.getState().outbox[0]!, { ok: false, error: { code: 'conflict', message: 'incident fire-1 is closed' } }));
    expect(status('fire-1')!.dataset.dispatchState).toBe('rejected');
    expect(status('fire-1')!.textContent).toBe('派遣被拒绝（conflict）：incident fire-1 is closed');
  });

  it('says where an incident went when this centre dispatched it before (nothing in the outbox)', async () => {
    const at = '2024-05-01T09:00:00.000+08:00';
    const task = (seq: number, taskId: string, toUnit: string, extra = {}) => ({ seq, ts: at, type: 'task.dispatched' as const, taskId, incidentId: 'fire-1', state: 'dispatched' as const, by: 'd-duty', fromUnit: '500103', toUnit, ...extra });
    useWallStore.setState({
      wall: reduceEvents(useWallStore.getState().wall, [task(3, 't1', '500103001'), task(4, 't2', '500103002', { leadTaskId: 't1' })]),
      unitNames: { '500103001': '解放碑街道' },
    });
    view = await mount(<IncidentDeskPanel />, bridge);
    expect(status('fire-1')!.dataset.dispatchState).toBe('dispatched');
    expect(status('fire-1')!.textContent).toBe('已派遣 → 解放碑街道 等 1 个协办单位');
    expect(status('tree-2')).toBeNull();
  });

  it('keeps one proposal open at a time', async () => {
    await openProposal('fire-1');
    await openProposal('tree-2');
    expect(view!.container.querySelectorAll('[data-testid="dispatch-proposal"]')).toHaveLength(1);
    expect(proposalBox()!.closest('tr')!.previousElementSibling).toBe(row('tree-2'));
  });
});
