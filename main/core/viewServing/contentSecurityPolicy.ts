/**
 * The views' Content-Security-Policy, one source for both shells: Electron sets it on every
 * app:// response, the browser shell on every HTTP response. Scripts only from the app itself;
 * HLS (fetch + MSE blob: URLs) straight from the hub; hls.js runs its demuxer in a blob: worker.
 */
export interface ViewCspOptions {
  /** Hub origin (`http://127.0.0.1:7700`): camera playlists and segments load from it. */
  hubOrigin: string;
  /** More origins views may connect to, e.g. the browser shell's own `ws://` view socket. */
  extraConnectSources?: string[];
}

export function buildContentSecurityPolicy(options: ViewCspOptions): string {
  const hub = originOf(options.hubOrigin);
  const connect = ["'self'", hub, ...(options.extraConnectSources ?? []).map(originOf)];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['connect-src', unique(connect)],
    ['media-src', ["'self'", 'blob:', hub]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['worker-src', ['blob:', "'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** `scheme://host[:port]` of a URL, so a path or query can never widen the policy. */
function originOf(url: string): string {
  const parsed = new URL(url);
  if (!/^(https?|wss?):$/.test(parsed.protocol)) throw new Error(`not a network origin: ${url}`);
  return `${parsed.protocol}//${parsed.host}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
