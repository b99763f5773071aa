import type { IpcMain } from 'electron';
import { BRIDGE_CALLS, type BridgeCall } from '../../shared/view/viewChannel';
import type { HostedCore } from './hostedCore';
import { checkIpcSender } from './ipcSenderCheck';

/**
 * One `ipcMain.handle` per bridge call, each behind the sender check. Arguments go to the core
 * raw: it zod-parses them with `BRIDGE_CALLS`, the one schema both shells share.
 */
export interface BridgeViews {
  viewIdOfWebContents(webContentsId: number): string | undefined;
  /** Called before each call reaches the core, so a call racing the page load finds its view. */
  ensureAttached(viewId: string): void;
}

export function registerBridgeIpc(ipcMain: IpcMain, core: HostedCore, views: BridgeViews, log: (line: string) => void): () => void {
  const channels = Object.keys(BRIDGE_CALLS) as BridgeCall[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, rawArgs: unknown) => {
      const verdict = checkIpcSender(event, (id) => views.viewIdOfWebContents(id));
      if (!verdict.ok) {
        log(`ipc ${channel} refused: ${verdict.reason}`);
        throw new Error(`refused: ${verdict.reason}`);
      }
      views.ensureAttached(verdict.viewId);
      return core.handleCall(verdict.viewId, channel, rawArgs);
    });
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
