import { describe, expect, it, vi } from 'vitest';
import type { WallBridge } from '../shared/view/bridge';
import { BRIDGE_CALLS, BRIDGE_PUSHES, type BridgeCall } from '../shared/view/viewChannel';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown }[],
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      electron.invoked.push({ channel, args });
      return null;
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      let set = electron.listeners.get(channel);
      if (!set) electron.listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => electron.listeners.get(channel)?.delete(listener),
  },
}));

async function loadBridge(): Promise<WallBridge> {
  await import('./preload');
  return electron.exposed.get('wall') as WallBridge;
}

describe('preload window.wall', () => {
  it('every call reaches main on its own channel with arguments main’s schema accepts', async () => {
    const bridge = await loadBridge();
    const command = { id: '0b8e3c52-6d1c-4c57-9a5e-2d0f4c1b7a10', type: 'incident.close', incidentId: 'inc-1' } as Parameters<WallBridge['submitCommand']>[0];
    await bridge.hello('console', '席位 1');
    await bridge.hello();
    await bridge.ackUpdate('console', 3);
    await bridge.submitCommand(command);
    await bridge.listOutbox();
    await bridge.query({ kind: 'cameras', q: '解放碑', limit: 20 });
    await bridge.controlPlayer({ action: 'pause' });
    await bridge.applyPreset('daily');
    await bridge.revertLayout();
    await bridge.importLayout('{}');
    await bridge.exportLayout();
    await bridge.setCell('ticker', { kind: 'tasks', settings: { view: 'feed' } });
    await bridge.placeCamera('cameras', 'cam-1', 4);
    await bridge.placeCamera('cameras', 'cam-2');
    await bridge.focusIncident('inc-1');
    await bridge.takeControl(['left']);
    await bridge.releaseControl(['left']);
    await bridge.requestControl(['right']);
    await bridge.answerHandover(false);

    for (const { channel, args } of electron.invoked) {
      const parsed = BRIDGE_CALLS[channel as BridgeCall].safeParse(args);
      expect(parsed.success, `${channel}: ${JSON.stringify(parsed.error?.issues[0])}`).toBe(true);
    }
    expect(new Set(electron.invoked.map((i) => i.channel))).toEqual(new Set(Object.keys(BRIDGE_CALLS)));
    expect(electron.invoked.filter((i) => i.channel === 'view:hello').map((i) => i.args)).toEqual([{ viewId: 'console', desk: '席位 1' }, {}]);
    expect(electron.invoked.filter((i) => i.channel === 'layout:placeCamera').map((i) => i.args)).toEqual([
      { cellId: 'cameras', cameraId: 'cam-1', slot: 4 },
      { cellId: 'cameras', cameraId: 'cam-2' },
    ]);
  });

  it('a push listener gets the payload only, on every push channel, until it unsubscribes', async () => {
    const bridge = await loadBridge();
    const heard: unknown[] = [];
    const subscribe = {
      'player:update': bridge.onUpdate,
      'link:status': bridge.onLinkStatus,
      'outbox:changed': bridge.onOutbox,
      'layout:changed': bridge.onLayout,
      'control:changed': bridge.onControl,
      'wall:thumbnail': bridge.onThumbnail,
    } as const;
    expect(Object.keys(subscribe).sort()).toEqual([...BRIDGE_PUSHES].sort());
    for (const channel of BRIDGE_PUSHES) {
      const off = subscribe[channel]((payload: unknown) => heard.push({ channel, payload }));
      for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'ipc event' }, { n: 1 });
      off();
      expect(electron.listeners.get(channel)?.size).toBe(0);
    }
    expect(heard).toEqual(BRIDGE_PUSHES.map((channel) => ({ channel, payload: { n: 1 } })));
  });
});
