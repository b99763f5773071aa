import fs from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin';
import { contentTypeOf, resolveRendererFile } from '../core/viewServing/rendererFiles';

/** Must run before `app.whenReady()`: app:// behaves like https (origin, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app://views/, every response carrying the views' CSP. */
export function serveAppProtocol(session: Session, rendererDir: string, contentSecurityPolicy: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return textResponse(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) return textResponse(404, 'not found');
    try {
      const body = await fs.readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'content-type': contentTypeOf(file),
          'content-security-policy': contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'not found');
    }
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
