import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf, resolveRendererFile } from '../core/viewServing/rendererFiles';
import { isOwnLoopbackHost } from './loopbackOrigin';

export interface RendererHttpOptions {
  rendererDir: string;
  /** The same policy Electron puts on app:// responses, plus this shell's ws:// origin. */
  contentSecurityPolicy: () => string;
  port: () => number;
}

/** Serves the built renderer over HTTP with the views' CSP; nothing outside `rendererDir`. */
export function serveRendererRequest(request: IncomingMessage, response: ServerResponse, options: RendererHttpOptions): void {
  if (!isOwnLoopbackHost(request.headers.host, options.port())) return plain(response, 403, 'forbidden host');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'method not allowed');
  const url = new URL(request.url ?? '/', 'http://localhost');
  const file = resolveRendererFile(options.rendererDir, url.pathname);
  if (!file) return plain(response, 404, 'not found');
  fs.stat(file, (error, stats) => {
    if (error || !stats.isFile()) return plain(response, 404, 'not found');
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': stats.size,
      'content-security-policy': options.contentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') return void response.end();
    fs.createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  });
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
