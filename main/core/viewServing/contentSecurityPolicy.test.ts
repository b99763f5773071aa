import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './contentSecurityPolicy';

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
});
