import { isAppUrl } from './appOrigin';

/** The parts of an Electron IPC event the check reads (IpcMainInvokeEvent satisfies it). */
export interface IpcSenderEvent {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string } | null;
}

export type SenderVerdict = { ok: true; viewId: string } | { ok: false; reason: string };

/**
 * Who may call the bridge: the main frame of one of our own windows, showing an app:// page.
 * A subframe, a page that navigated elsewhere, or a web contents we did not create is refused
 * (the VS Code / Element rule: IPC trusts the frame, not the message).
 */
export function checkIpcSender(event: IpcSenderEvent, viewIdOfWebContents: (webContentsId: number) => string | undefined): SenderVerdict {
  const frame = event.senderFrame;
  if (!frame) return { ok: false, reason: 'sender frame is gone' };
  if (frame !== event.sender.mainFrame) return { ok: false, reason: 'sender is not the main frame' };
  if (!isAppUrl(frame.url)) return { ok: false, reason: `sender url is not app:// (${truncate(frame.url)})` };
  const viewId = viewIdOfWebContents(event.sender.id);
  if (viewId === undefined) return { ok: false, reason: `web contents ${event.sender.id} is not one of our views` };
  return { ok: true, viewId };
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
