// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../../shared/protocol/events';
import { at, chainStory, CITY, storyUpTo } from '../../../shared/state/testing/stories';
import { mount, settle, stubResizeObserver, type Mounted } from '../../console/mountForTest';
import { initI18n } from '../../i18n';
import { connectWallStore, type WallStoreConnection } from '../../stores/connectWallStore';
import { useWallStore } from '../../stores/wallStore';
import { StoryBridge } from '../supervision/testUnits';
import { ReviewPanel } from './index';

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


async function showReview(events: HubEvent[], incidentId?: string): Promise<HTMLElement> {
  const bridge = new StoryBridge(events);
  connection = connectWallStore(bridge, useWallStore, { log: () => {} });
  await connection.ready;
  view = await mount(<ReviewPanel settings={incidentId ? { incidentId } : {}} cellId="review" />, bridge);
  await settle();
  return view.container;
}

const rows = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.review-timeline > .timeline-row')];
const cell = (row: HTMLElement, name: string) => row.querySelector(`.timeline-row__${name}`)?.textContent;

/** A minor incident reported after i1 closed: the latest, but not what a review shows first. */
const minor: HubEvent = { seq: 30, ts: at(95), type: 'incident.reported', incidentId: 'i2', title: '井盖缺失', kind: 'facility', board: 'facility', severity: 4, location: [106.5, 29.5], units: [CITY] };

describe('the review panel', () => {
  it('reviews the most recently closed severity-1/2 incident by default: header, key times and SLA tally', async () => {
    const review = await showReview([...chainStory, minor]);
    expect(review.querySelector('.review')?.getAttribute('data-incident-id')).toBe('i1');
    expect(review.querySelector('.review__title')?.textContent).toBe('解放碑 人员聚集');
    expect(review.querySelector('.severity-badge')?.getAttribute('data-severity')).toBe('2');
    expect(review.querySelector('.review__status')?.textContent).toBe('已关闭');
    expect(review.querySelector('.review__place')?.textContent).toBe('渝中区 · 解放碑街道');
    expect(review.querySelector('.review__meta')?.textContent).toContain('08:00 由 city-duty 上报');
    expect(review.querySelector('[data-total="first-dispatch"] dd')?.textContent).toBe('2 分钟');
    expect(review.querySelector('[data-total="all-closed"] dd')?.textContent).toBe('80 分钟');
    expect(review.querySelector('[data-total="sla"] dt')?.textContent).toBe('按时 / 超时');
    expect(review.querySelector('[data-total="sla"] dd')?.textContent).toBe('5 / 1');
    expect(review.querySelector('[data-total="sla"]')?.classList.contains('review-total--late')).toBe(true);
  });

  it('lays out every step: lead and cooperating dispatches, the redispatch chain, overdue and escalation, with durations and verdicts', async () => {
    const review = await showReview(chainStory, 'i1');
    const all = rows(review);
    expect(all).toHaveLength(17);
    expect(cell(all[0]!, 'what')).toBe('事件上报');
    expect([cell(all[1]!, 'what'), cell(all[1]!, 'where'), cell(all[1]!, 'task')]).toEqual(['派遣主办', '重庆市 → 渝中区', '任务1']);
    expect([cell(all[2]!, 'what'), cell(all[2]!, 'where')]).toEqual(['派遣协办', '重庆市 → 渝北区']);
    expect([cell(all[4]!, 'what'), cell(all[4]!, 'where'), cell(all[4]!, 'since')]).toEqual(['转派', '渝中区 → 解放碑街道', '+3 分钟']);
    expect([cell(all[6]!, 'what'), cell(all[6]!, 'who'), cell(all[6]!, 'sla')]).toEqual(['签收超时', '系统时限', '✗']);
    expect([cell(all[7]!, 'what'), cell(all[7]!, 'where')]).toEqual(['自动上报', '渝北区 → 重庆市']);
    expect([cell(all[9]!, 'what'), cell(all[9]!, 'since'), cell(all[9]!, 'sla')]).toEqual(['签收', '+5 分钟', '✗ 超时 8 分']);
    expect(all[9]!.dataset.taskId).toBe('t2');
    expect(all[9]!.classList.contains('timeline-row--late')).toBe(true);
    expect(cell(all[3]!, 'sla')).toBe('✓ 按时');
    expect(cell(all[16]!, 'what')).toBe('事件关闭');
  });

  it('grows with the replay as it goes, and says what it is waiting for', async () => {
    const review = await showReview(storyUpTo(8), 'i1');
    expect(review.querySelector('.review__status')?.textContent).toBe('处置中');
    expect(review.querySelector('[data-total="all-closed"] dd')?.textContent).toBe('未完成');
    expect(rows(review)).toHaveLength(8);
  });

  it('says when there is nothing to review or the incident is unknown', async () => {
    expect((await showReview([])).textContent).toContain('暂无可复盘的事件');
    view?.unmount();
    view = null;
    expect((await showReview(chainStory, 'gone')).textContent).toContain('未找到事件 gone');
  });
});
