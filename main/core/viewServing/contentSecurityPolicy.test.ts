import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, parseMediaOrigins } from './contentSecurityPolicy';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((d) => { const [name, ...sources] = d.split(' '); return [name!, sources]; }));
}

describe('buildContentSecurityPolicy', () => {
  const csp = directives(buildContentSecurityPolicy({ hubOrigin: 'http://127.0.0.1:7700/api/v1?x=1' }));

  it('allows scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('lets HLS come from the hub origin only (fetch, media, blob: workers)', () => {
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:7700']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'http://127.0.0.1:7700']);
    expect(csp.get('worker-src')).toEqual(['blob:', "'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('adds the browser shell’s socket origin to connect-src', () => {
    const withSocket = directives(buildContentSecurityPolicy({ hubOrigin: 'http://hub:7700', extraConnectSources: ['ws://127.0.0.1:5123/view-socket'] }));
    expect(withSocket.get('connect-src')).toEqual(["'self'", 'http://hub:7700', 'ws://127.0.0.1:5123']);
  });

  it('refuses a hub URL that would inject a directive or a scheme-wide source', () => {
    expect(() => buildContentSecurityPolicy({ hubOrigin: "javascript:alert(1)" })).toThrow();
    expect(() => buildContentSecurityPolicy({ hubOrigin: 'not a url; script-src *' })).toThrow();
  });

  it('lets views fetch and play HLS from a camera platform’s origins (WALL_MEDIA_ORIGINS)', () => {
    const withPlatform = directives(buildContentSecurityPolicy({
      hubOrigin: 'http://hub:7700',
      mediaOrigins: parseMediaOrigins(' https://video.example.gov.cn , http://10.1.2.3:8080/'),
      extraConnectSources: ['ws://127.0.0.1:5123'],
    }));
    expect(withPlatform.get('connect-src')).toEqual(["'self'", 'http://hub:7700', 'https://video.example.gov.cn', 'http://10.1.2.3:8080', 'ws://127.0.0.1:5123']);
    expect(withPlatform.get('media-src')).toEqual(["'self'", 'blob:', 'http://hub:7700', 'https://video.example.gov.cn', 'http://10.1.2.3:8080']);
    expect(withPlatform.get('script-src')).toEqual(["'self'"]);
  });
});

describe('parseMediaOrigins', () => {
  it('reads comma-separated http(s) origins; unset or empty is none', () => {
    expect(parseMediaOrigins(undefined)).toEqual([]);
    expect(parseMediaOrigins(' , ')).toEqual([]);
    expect(parseMediaOrigins('https://video.example.gov.cn:443,HTTPS://Video.Example.gov.cn,http://10.1.2.3:8080')).toEqual([
      'https://video.example.gov.cn',
      'http://10.1.2.3:8080',
    ]);
  });

  it('refuses anything but an origin, naming the variable and the entry', () => {
    for (const bad of ['video.example.gov.cn', 'https://video.example.gov.cn/live', 'https://v.example?x=1', 'ws://v.example', 'https://u:p@v.example', "https://v.example; script-src *", '*']) {
      expect(() => parseMediaOrigins(`https://ok.example,${bad}`), bad).toThrow(`WALL_MEDIA_ORIGINS: ${JSON.stringify(bad)} is not an http(s) origin`);
    }
  });
});

describe('renderer/index.html meta policy', () => {
  const html = readFileSync(path.join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
  const meta = directives(content ?? '');
  const header = directives(buildContentSecurityPolicy({ hubOrigin: 'http://hub:7700' }));

  it('repeats the header’s script-side directives exactly and never restricts fetch or media', () => {
    expect(content).toBeDefined();
    for (const [name, sources] of meta) expect(sources, name).toEqual(header.get(name));
    expect([...meta.keys()].sort()).toEqual(['base-uri', 'font-src', 'form-action', 'img-src', 'object-src', 'script-src', 'style-src', 'worker-src']);
  });
});
