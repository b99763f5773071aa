// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ViewHello } from '../../shared/view/viewChannel';
import { mount, settle, stubResizeObserver, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { connectWallStore } from '../stores/connectWallStore';
import { useWallStore } from '../stores/wallStore';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { at, storyUpTo } from '../../shared/state/testing/stories';
import { emptyWallState } from '../../shared/state/wallState';
import { FakeBridge } from '../testing/fakeBridge';
import { WallScreen } from './WallScreen';

let view: Mounted | null = null;
beforeAll(() => {
  initI18n('zh-CN');
  stubResizeObserver(1920);
});
afterEach(() => {
  view?.unmount();
  view = null;
});

/** A wall view whose player is a replay of a recorded file at `speed`. */
class ReplayBridge extends FakeBridge {
  constructor(private readonly speed: number) {
    super();
  }
  override async hello(viewId?: string, desk?: string): Promise<ViewHello> {
    const hello = await super.hello(viewId, desk);
    return { ...hello, player: { ...hello.player, kind: 'replay', capabilities: ['seek', 'speed', 'pause'], speed: this.speed } };
  }
}

async function showWall(bridge: FakeBridge): Promise<HTMLElement> {
  await connectWallStore(bridge, useWallStore).ready;
  view = await mount(<WallScreen displayId="d0" />, bridge);
  await settle();
  return view.container;
}

describe('the wall display', () => {
  it('says in its header that it is replaying, with the speed, not only in the footer', async () => {
    const wall = await showWall(new ReplayBridge(4));
    const banner = wall.querySelector('.wall__header [data-testid="replay-banner"]');
    expect(banner?.textContent).toContain('回放 · 非实时');
    expect(banner?.textContent).toContain('4 倍速');
  });

  it('shows no replay banner when live', async () => {
    const wall = await showWall(new FakeBridge());
    expect(wall.querySelector('.wall__header')).not.toBeNull();
    expect(wall.querySelector('[data-testid="replay-banner"]')).toBeNull();
  });

  it('carries the 督办 banner of a task this wall’s unit dispatched that fell overdue', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(at(13)));
    try {
      const bridge = new FakeBridge();
      bridge.helloState = reduceEvents(emptyWallState(), storyUpTo(8));
      const wall = await showWall(bridge);
      const banner = wall.querySelector<HTMLElement>('[data-testid="overdue-alarm"]');
      expect(banner?.dataset.taskId).toBe('t2');
      expect(banner?.textContent).toContain('签收超时');
    } finally {
      vi.useRealTimers();
    }
  });
});
