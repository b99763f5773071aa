// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { at, chainStory, storyUpTo } from '../../shared/state/testing/stories';
import { emptyWallState } from '../../shared/state/wallState';
import type { HubQuery, ViewHello } from '../../shared/view/viewChannel';
import { mount, settle, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { TONE_EVENT } from '../sound/tones';
import { connectWallStore, type WallStoreConnection } from '../stores/connectWallStore';
import { useWallStore } from '../stores/wallStore';
import { answerUnitQuery } from '../panels/supervision/testUnits';
import { FakeBridge } from '../testing/fakeBridge';
import { OverdueAlarm } from './OverdueAlarm';

let view: Mounted | null = null;
let connection: WallStoreConnection | null = null;
let tones: string[] = [];
const onTone = (event: Event) => tones.push(String((event as CustomEvent).detail));

beforeAll(() => initI18n('zh-CN'));
beforeEach(() => {
  // Only Date is faked: the live wall's clock stands a minute after the escalation (08:13).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at(13)));
  tones = [];
  window.addEventListener(TONE_EVENT, onTone);
});
afterEach(() => {
  view?.unmount();
  view = null;
  connection?.stop();
  connection = null;
  window.removeEventListener(TONE_EVENT, onTone);
  vi.useRealTimers();
});

/** A wall of the city (the fake's session unit), live or replaying, starting from `events`. */
class StoryBridge extends FakeBridge {
  constructor(
    events: HubEvent[],
    private readonly kind: 'live' | 'replay' = 'live',
  ) {
    super();
    this.helloState = reduceEvents(emptyWallState(), events);
  }
  override async hello(viewId?: string, desk?: string): Promise<ViewHello> {
    const hello = await super.hello(viewId, desk);
    return { ...hello, player: { ...hello.player, kind: this.kind, currentTime: at(13), capabilities: this.kind === 'live' ? ['live'] : ['seek', 'speed', 'pause'] } };
  }
  override query(query: HubQuery): Promise<unknown> {
    this.queries.push(query);
    return Promise.resolve(answerUnitQuery(query));
  }
  pushAt(pushId: number, events: HubEvent[], currentTime = at(13)): void {
    this.pushRaw({ pushId, events, currentTime, speed: 1, seekGeneration: 0 });
  }
}

async function showAlarm(bridge: StoryBridge): Promise<HTMLElement> {
  connection = connectWallStore(bridge, useWallStore, { log: () => {} });
  await connection.ready;
  view = await mount(<OverdueAlarm />, bridge);
  await settle();
  return view.container;
}

const banners = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('[data-testid="overdue-alarm"]')];

describe('the overdue alarm on the dispatching wall', () => {
  it('shows a banner and sounds the tone once when a task the city dispatched falls overdue and is escalated live', async () => {
    const bridge = new StoryBridge(storyUpTo(6));
    const wall = await showAlarm(bridge);
    expect(banners(wall)).toHaveLength(0);

    await settle(() => bridge.pushAt(1, chainStory.slice(6, 8))); // overdue + escalation by the SLA clock
    expect(banners(wall).map((b) => b.dataset.taskId)).toEqual(['t2']);
    const text = banners(wall)[0]!.textContent ?? '';
    expect(text).toContain('督办');
    expect(text).toContain('解放碑 人员聚集');
    expect(text).toContain('签收超时');
    expect(text).toContain('承办：渝北区');
    expect(text).toContain('已自动上报至 重庆市');
    expect(tones).toEqual(['overdue']);

    // The city passes it on: still standing, no second tone. Accepted: cleared.
    await settle(() => bridge.pushAt(2, [chainStory[8]!]));
    expect(banners(wall)).toHaveLength(1);
    expect(tones).toEqual(['overdue']);
    await settle(() => bridge.pushAt(3, [chainStory[9]!]));
    expect(banners(wall)).toHaveLength(0);
    expect(tones).toEqual(['overdue']);
  });

  it('shows the alarms standing in the first snapshot without the tone', async () => {
    const wall = await showAlarm(new StoryBridge(storyUpTo(8)));
    expect(banners(wall).map((b) => b.dataset.taskId)).toEqual(['t2']);
    expect(tones).toEqual([]);
  });

  it('clears after a few minutes of the wall’s time without the task moving on', async () => {
    vi.setSystemTime(new Date(at(18)));
    const wall = await showAlarm(new StoryBridge(storyUpTo(8)));
    expect(banners(wall)).toHaveLength(0);
  });

  it('shows the same banner in replay, silently', async () => {
    const bridge = new StoryBridge(storyUpTo(6), 'replay');
    const wall = await showAlarm(bridge);
    await settle(() => bridge.pushAt(1, chainStory.slice(6, 8)));
    expect(banners(wall).map((b) => b.dataset.taskId)).toEqual(['t2']);
    expect(tones).toEqual([]);
  });

  it('is not on the wall of another unit', async () => {
    const bridge = new StoryBridge(storyUpTo(6));
    const hello = bridge.hello.bind(bridge);
    bridge.hello = async (viewId?: string, desk?: string) => ({ ...(await hello(viewId, desk)), unit: { code: '500112', level: 'district', name: '渝北区' } });
    const wall = await showAlarm(bridge);
    await settle(() => bridge.pushAt(1, chainStory.slice(6, 8)));
    expect(banners(wall)).toHaveLength(0);
    expect(tones).toEqual([]);
  });
});
