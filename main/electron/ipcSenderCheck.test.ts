import { describe, expect, it } from 'vitest';
import { checkIpcSender, type IpcSenderEvent } from './ipcSenderCheck';

const ourViews = new Map([[7, 'wall-1']]);
const lookup = (id: number) => ourViews.get(id);

function eventFrom(url: string, options: { webContentsId?: number; subframe?: boolean; frameGone?: boolean } = {}): IpcSenderEvent {
  const mainFrame = { url };
  const senderFrame = options.frameGone ? null : options.subframe ? { url } : mainFrame;
  return { sender: { id: options.webContentsId ?? 7, mainFrame }, senderFrame };
}

describe('checkIpcSender', () => {
  it('lets the main frame of our window on app:// through, as that window’s view', () => {
    expect(checkIpcSender(eventFrom('app://views/index.html?role=wall'), lookup)).toEqual({ ok: true, viewId: 'wall-1' });
  });

  it('refuses a page that navigated off app://', () => {
    const verdict = checkIpcSender(eventFrom('https://evil.example/'), lookup);
    expect(verdict).toMatchObject({ ok: false });
    expect(!verdict.ok && verdict.reason).toContain('not app://');
  });

  it('refuses file:// and a look-alike app host', () => {
    expect(checkIpcSender(eventFrom('file:///etc/passwd'), lookup).ok).toBe(false);
    expect(checkIpcSender(eventFrom('app://elsewhere/index.html'), lookup).ok).toBe(false);
  });

  it('refuses a subframe, even on app://', () => {
    const verdict = checkIpcSender(eventFrom('app://views/index.html', { subframe: true }), lookup);
    expect(!verdict.ok && verdict.reason).toBe('sender is not the main frame');
  });

  it('refuses a web contents that is not one of our windows', () => {
    const verdict = checkIpcSender(eventFrom('app://views/index.html', { webContentsId: 99 }), lookup);
    expect(!verdict.ok && verdict.reason).toContain('not one of our views');
  });

  it('refuses when the sending frame is already gone', () => {
    expect(checkIpcSender(eventFrom('app://views/index.html', { frameGone: true }), lookup).ok).toBe(false);
  });
});
