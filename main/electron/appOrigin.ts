/** The privileged scheme views load from instead of file://, and the one host it serves. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'views';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL a window opens for a view; the renderer reads role, display and view id from it. */
export function appViewUrl(role: string, displayId: string, viewId: string): string {
  const query = new URLSearchParams({ role, display: displayId, view: viewId });
  return `${APP_ORIGIN}/index.html?${query.toString()}`;
}

/** True only for a URL on our scheme and host: what navigation and IPC senders must be. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
