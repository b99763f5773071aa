/**
 * The views' Content-Security-Policy, one source for both shells: Electron sets it on every
 * app:// response, the browser shell on every HTTP response. Scripts only from the app itself;
 * HLS straight from the hub, or from a camera platform's origins (`WALL_MEDIA_ORIGINS`): hls.js
 * fetches playlists and segments (connect-src) and plays them as MSE blob: URLs (media-src; the
 * platform origins too, for a native <video src>); its demuxer runs in a blob: worker.
 */
export interface ViewCspOptions {
  /** Hub origin (`http://127.0.0.1:7700`): camera playlists and segments load from it. */
  hubOrigin: string;
  /** More origins views may connect to, e.g. the browser shell's own `ws://` view socket. */
  extraConnectSources?: string[];
  /** Camera platforms' origins (`WALL_MEDIA_ORIGINS`): views fetch and play HLS from them too. */
  mediaOrigins?: string[];
}

/** The environment variable listing camera platforms' origins, comma-separated. */
export const MEDIA_ORIGINS_ENV = 'WALL_MEDIA_ORIGINS';

export function buildContentSecurityPolicy(options: ViewCspOptions): string {
  const hub = originOf(options.hubOrigin);
  const media = (options.mediaOrigins ?? []).map(originOf);
  const connect = ["'self'", hub, ...media, ...(options.extraConnectSources ?? []).map(originOf)];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['connect-src', unique(connect)],
    ['media-src', unique(["'self'", 'blob:', hub, ...media])],
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

/**
 * `WALL_MEDIA_ORIGINS` (`https://video.example.gov.cn,http://10.1.2.3:8080`) as origins; empty or
 * unset is none. Throws, naming the variable and the bad entry, for anything but an http(s)
 * origin: the policy grants whole origins, so a path or query would promise a narrower grant.
 */
export function parseMediaOrigins(value: string | undefined): string[] {
  const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return unique(entries.map((entry) => {
    const url = URL.canParse(entry) ? new URL(entry) : undefined;
    const isOrigin = url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '' &&
      url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
    if (!isOrigin) throw new Error(`${MEDIA_ORIGINS_ENV}: ${JSON.stringify(entry)} is not an http(s) origin like https://video.example.gov.cn or http://10.1.2.3:8080 (no path)`);
    return url.origin;
  }));
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
