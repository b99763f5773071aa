import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CALLS } from '../../shared/view/viewChannel';
import type { HostedCore, ViewPort } from './hostedCore';
import { registerBridgeIpc } from './bridgeIpc';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc = {
    handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
  return { ipc: ipc as unknown as IpcMain, handlers };
}

function eventFrom(url: string, webContentsId = 3) {
  const mainFrame = { url };
  return { sender: { id: webContentsId, mainFrame }, senderFrame: mainFrame };
}

/** Records the calls that reach the core; answers hello with the view it was given. */
class RecordingCore implements HostedCore {
  readonly calls: { viewId: string; channel: string; args: unknown }[] = [];
  attachView(_port: ViewPort): void {}
  detachView(_id: string): void {}
  async handleCall(viewId: string, channel: string, args: unknown): Promise<unknown> {
    this.calls.push({ viewId, channel, args });
    return { viewId, seq: 0 };
  }
  on(): () => void {
    return () => undefined;
  }
}

function setup() {
  const { ipc, handlers } = fakeIpcMain();
  const core = new RecordingCore();
  const attached: string[] = [];
  const lines: string[] = [];
  const views = { viewIdOfWebContents: (id: number) => (id === 3 ? 'wall-2' : undefined), ensureAttached: (v: string) => void attached.push(v) };
  const unregister = registerBridgeIpc(ipc, core, views, (l) => lines.push(l));
  return { handlers, core, attached, lines, unregister };
}

describe('registerBridgeIpc', () => {
  it('handles exactly the bridge calls and removes them again', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(BRIDGE_CALLS).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('passes a call from our app:// window to the core, raw, as that window’s view', async () => {
    const { handlers, core, attached } = setup();
    const result = await handlers.get('view:hello')!(eventFrom('app://views/index.html?role=wall&display=2&view=wall-2'), { viewId: 'spoofed' });
    expect(result).toEqual({ viewId: 'wall-2', seq: 0 });
    expect(core.calls).toEqual([{ viewId: 'wall-2', channel: 'view:hello', args: { viewId: 'spoofed' } }]);
    expect(attached).toEqual(['wall-2']);
  });

  it('refuses a call from a frame that is not app://, and the core never sees it', async () => {
    const { handlers, core, lines } = setup();
    await expect(handlers.get('command:submit')!(eventFrom('https://evil.example/'), { command: {} })).rejects.toThrow(/refused/);
    await expect(handlers.get('outbox:list')!(eventFrom('app://views/index.html', 99), {})).rejects.toThrow(/not one of our views/);
    expect(core.calls).toEqual([]);
    expect(lines[0]).toContain('ipc command:submit refused');
  });
});
