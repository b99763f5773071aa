import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { HealthBadge } from './HealthBadge';

describe('HealthBadge', () => {
  beforeAll(() => initI18n('zh-CN'));

  it('tells the states apart by icon and words, and says how far behind live the picture is', () => {
    const live = renderToStaticMarkup(<HealthBadge health={{ state: 'live', secondsBehindLive: 3 }} />);
    const stalled = renderToStaticMarkup(<HealthBadge health={{ state: 'stalled', secondsBehindLive: null }} />);
    const offline = renderToStaticMarkup(<HealthBadge health={{ state: 'offline', secondsBehindLive: 4 }} />);
    const loading = renderToStaticMarkup(<HealthBadge health={{ state: 'loading', secondsBehindLive: null }} />);
    expect(live).toContain('直播');
    expect(live).toContain('落后 3 s');
    expect(stalled).toContain('卡顿');
    expect(offline).toContain('离线');
    expect(offline).not.toContain('落后'); // an offline camera is not "behind", it is gone
    expect(loading).toContain('加载中');
    const icons = [live, stalled, offline, loading].map((html) => /aria-hidden="true">([^<]+)</.exec(html)?.[1]);
    expect(new Set(icons).size).toBe(4);
  });

  it('speaks English after a language switch', async () => {
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<HealthBadge health={{ state: 'stalled', secondsBehindLive: 5 }} />)).toMatch(/Stalled.*5 s behind/);
    await i18n.changeLanguage('zh-CN');
  });
});
