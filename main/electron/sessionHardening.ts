import type { App, Session } from 'electron';
import { isAppUrl } from './appOrigin';

/**
 * Session-wide lock-down (Element's webcontents-handler, the Electron security checklist):
 * every permission denied, every navigation off app:// refused, no new windows, no <webview>.
 */
export function hardenSession(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    log(`permission refused: ${permission} for ${webContents.getURL()}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export function guardAllWebContents(app: App, log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      log(`navigation refused: ${url}`);
    });
    contents.on('will-redirect', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      log(`redirect refused: ${url}`);
    });
    contents.setWindowOpenHandler(({ url }) => {
      log(`window.open refused: ${url}`);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('<webview> refused');
    });
  });
}
