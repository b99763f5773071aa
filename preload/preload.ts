// Sandboxed preload: exposes `window.wall` as named functions over fixed IPC channels. The page
// never sees ipcRenderer, an event object, or a channel it can choose.
import { contextBridge, ipcRenderer } from 'electron';
import type { WallBridge } from '../shared/view/bridge';
import type { BridgeArgs, BridgeCall, BridgePush, BridgePushes } from '../shared/view/viewChannel';

function call<C extends BridgeCall>(channel: C, args: BridgeArgs<C>): Promise<unknown> {
  return ipcRenderer.invoke(channel, args);
}

function subscribe<K extends BridgePush>(channel: K, listener: (payload: BridgePushes[K]) => void): () => void {
  const forward = (_event: unknown, payload: BridgePushes[K]): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: WallBridge = {
  shell: 'electron',
  hello: (viewId, desk) => call('view:hello', { ...(viewId !== undefined ? { viewId } : {}), ...(desk !== undefined ? { desk } : {}) }) as ReturnType<WallBridge['hello']>,
  ackUpdate: async (viewId, pushId) => {
    await call('player:ack', { viewId, pushId });
  },
  submitCommand: (command) => call('command:submit', { command }) as ReturnType<WallBridge['submitCommand']>,
  listOutbox: () => call('outbox:list', {}) as ReturnType<WallBridge['listOutbox']>,
  query: (query) => call('hub:query', { query }),
  controlPlayer: (control) => call('player:control', control) as ReturnType<WallBridge['controlPlayer']>,
  onUpdate: (listener) => subscribe('player:update', listener),
  onLinkStatus: (listener) => subscribe('link:status', listener),
  onOutbox: (listener) => subscribe('outbox:changed', listener),
  applyPreset: (presetId) => call('layout:apply', { presetId }) as ReturnType<WallBridge['applyPreset']>,
  revertLayout: () => call('layout:revert', {}) as ReturnType<WallBridge['revertLayout']>,
  importLayout: (text) => call('layout:import', { text }) as ReturnType<WallBridge['importLayout']>,
  exportLayout: () => call('layout:export', {}) as ReturnType<WallBridge['exportLayout']>,
  onLayout: (listener) => subscribe('layout:changed', listener),
  setCell: (cellId, panel) => call('layout:setCell', { cellId, panel }) as ReturnType<WallBridge['setCell']>,
  placeCamera: (cellId, cameraId, slot) => call('layout:placeCamera', { cellId, cameraId, ...(slot !== undefined ? { slot } : {}) }) as ReturnType<WallBridge['placeCamera']>,
  focusIncident: (incidentId) => call('layout:focusIncident', { incidentId }) as ReturnType<WallBridge['focusIncident']>,
  takeControl: (displayIds) => call('control:take', { displayIds }) as ReturnType<WallBridge['takeControl']>,
  releaseControl: (displayIds) => call('control:release', { displayIds }) as ReturnType<WallBridge['releaseControl']>,
  requestControl: (displayIds) => call('control:request', { displayIds }) as ReturnType<WallBridge['requestControl']>,
  answerHandover: (grant) => call('control:answer', { grant }) as ReturnType<WallBridge['answerHandover']>,
  onControl: (listener) => subscribe('control:changed', listener),
  onThumbnail: (listener) => subscribe('wall:thumbnail', listener),
};

contextBridge.exposeInMainWorld('wall', bridge);
