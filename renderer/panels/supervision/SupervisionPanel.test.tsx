// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/protocol/events';
import { chainStory, storyUpTo } from '../../../shared/state/testing/stories';
import { byText, key, mount, settle, stubResizeObserver, type Mounted } from '../../console/mountForTest';
import { initI18n } from '../../i18n';
import { connectWallStore, type WallStoreConnection } from '../../stores/connectWallStore';
import { useWallStore } from '../../stores/wallStore';
import { SupervisionPanel } from './index';
import { StoryBridge } from './testUnits';

let view: Mounted | null = null;
let connection: WallStoreConnection | null = null;
beforeAll(() => {
  initI18n('zh-CN');
  stubResizeObserver(1920);
});
afterEach(() => {
  view?.unmount();
  view = null;
  connection?.stop();
  connection = null;
});


async function showBoard(events: HubEvent[], settings: { unit?: string } = {}): Promise<HTMLElement> {
  const bridge = new StoryBridge(events);
  connection = connectWallStore(bridge, useWallStore, { log: () => {} });
  await connection.ready;
  view = await mount(<SupervisionPanel settings={settings} cellId="supervision" />, bridge);
  await settle();
  return view.container;
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.supervision-rows > .supervision-row')];
const rowOf = (root: HTMLElement, unit: string, own = false) => rows(root).find((r) => r.dataset.unit === unit && (r.dataset.own === 'true') === own)!;
const count = (row: HTMLElement, name: string) => row.querySelector<HTMLButtonElement>(`[data-count="${name}"]`)!;
const click = (element: HTMLElement) => settle(() => element.click());

describe('the supervision board', () => {
  it('lists the wall unit’s districts with their counts, the escalated task at the city’s own level, overdue in red', async () => {
    const board = await showBoard(storyUpTo(8));
    expect(board.querySelector('.panel__title')?.textContent).toBe('督办 · 重庆市');
    expect(rows(board).map((r) => r.querySelector('.supervision-row__unit')?.textContent)).toEqual(['重庆市本级', '渝中区', '江北区', '渝北区']);
    const own = rowOf(board, '500000', true);
    expect([count(own, 'open').textContent, count(own, 'overdue').textContent, count(own, 'escalated').textContent]).toEqual(['1', '1', '1']);
    expect(own.classList.contains('supervision-row--overdue')).toBe(true);
    expect(count(own, 'overdue').classList.contains('is-nonzero')).toBe(true);
    const yuzhong = rowOf(board, '500103');
    expect(yuzhong.classList.contains('supervision-row--overdue')).toBe(false);
    expect(yuzhong.querySelector('[data-step="accept"]')?.textContent).toBe('3.0');
    expect(yuzhong.querySelector('[data-step="arrive"]')?.textContent).toBe('—');
    const totals = board.querySelector<HTMLElement>('[data-testid="supervision-totals"]')!;
    expect(totals.querySelector('[data-count="overdue"] .supervision-total__value')?.textContent).toBe('1');
  });

  it('drills down to a district’s streets, back by the breadcrumb or Escape', async () => {
    const board = await showBoard(storyUpTo(8));
    await click(byText(board, '.supervision-row__unit', '渝中区'));
    expect(board.querySelector('.panel__title')?.textContent).toBe('督办 · 渝中区');
    expect(rows(board).map((r) => [r.dataset.unit, count(r, 'open').textContent])).toEqual([
      ['500103003', '1'],
      ['500103001', '0'],
    ]);
    expect([...board.querySelectorAll('.supervision-crumbs__item')].map((c) => c.textContent)).toEqual(['重庆市', '渝中区']);

    await click(byText(board, 'button.supervision-crumbs__item', '重庆市'));
    expect(board.querySelector('.panel__title')?.textContent).toBe('督办 · 重庆市');

    await click(byText(board, '.supervision-row__unit', '渝中区'));
    await settle(() => key(board.querySelector('.supervision-row__unit')!, 'Escape'));
    expect(board.querySelector('.panel__title')?.textContent).toBe('督办 · 重庆市');
  });

  it('opens the tasks behind a count, and a task’s steps with durations and SLA verdicts', async () => {
    const board = await showBoard(storyUpTo(10));
    const own = rowOf(board, '500000', true);
    expect(own).toBeUndefined(); // redispatched to a street of 渝北区: no longer at the city's own level
    await click(count(rowOf(board, '500112'), 'escalated'));
    expect(board.querySelector('.supervision__caption')?.textContent).toBe('渝北区 · 上报任务');
    const tasks = [...board.querySelectorAll<HTMLElement>('.supervision-task')];
    expect(tasks.map((t) => t.dataset.taskId)).toEqual(['t2']);
    expect(tasks[0]!.textContent).toContain('解放碑 人员聚集');
    expect(tasks[0]!.textContent).toContain('双龙湖街道');

    await click(tasks[0]!.querySelector('button')!);
    const steps = [...board.querySelectorAll<HTMLElement>('.task-timeline > .timeline-row')];
    expect(steps.map((s) => s.dataset.kind)).toEqual(['dispatch', 'overdue', 'escalation', 'redispatch', 'transition']);
    const accepted = steps[4]!;
    expect(accepted.querySelector('.timeline-row__since')?.textContent).toBe('+5 分钟');
    expect(accepted.querySelector('.timeline-row__sla')?.textContent).toBe('✗ 超时 8 分');
    expect(steps[2]!.querySelector('.timeline-row__where')?.textContent).toBe('渝北区 → 重庆市');
    expect(steps[2]!.querySelector('.timeline-row__who')?.textContent).toBe('系统时限');

    // Back to the list, then to the board.
    await settle(() => key(board.querySelector('.timeline-row')!, 'Escape'));
    expect(board.querySelector('.supervision')?.getAttribute('data-drill')).toBe('tasks');
    await settle(() => key(board.querySelector('.supervision-task button')!, 'Escape'));
    expect(board.querySelector('.supervision')?.getAttribute('data-drill')).toBe('units');
  });

  it('follows the state as events arrive, and starts from a unit the settings name', async () => {
    const board = await showBoard(storyUpTo(6), { unit: '500103' });
    expect(board.querySelector('.panel__title')?.textContent).toBe('督办 · 渝中区');
    expect(count(rowOf(board, '500103003'), 'open').textContent).toBe('1');
    await act(async () => useWallStore.getState().applyPlayerUpdate({ pushId: 1, events: chainStory.slice(6), currentTime: chainStory[16]!.ts, speed: 1, seekGeneration: 0 }));
    await settle();
    expect(count(rowOf(board, '500103003'), 'open').textContent).toBe('0');
    expect(rowOf(board, '500103003').querySelector('[data-step="close"]')?.textContent).toBe('20');
  });
});
