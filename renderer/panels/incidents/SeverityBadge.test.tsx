import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { SeverityBadge } from './SeverityBadge';

describe('SeverityBadge', () => {
  beforeAll(() => initI18n('zh-CN'));

  it('tells the levels apart by shape and words, not by colour alone', () => {
    const badges = [1, 2, 3, 4].map((severity) => renderToStaticMarkup(<SeverityBadge severity={severity} />));
    const shapes = badges.map((html) => /<path d="([^"]+)"/.exec(html)?.[1]);
    expect(new Set(shapes).size).toBe(4);
    expect(badges[0]).toContain('Ⅰ级');
    expect(badges[0]).toContain('特别重大');
    expect(badges[3]).toContain('一般');
  });

  it('speaks English after a language switch', async () => {
    const i18n = initI18n('zh-CN');
    await i18n.changeLanguage('en');
    expect(renderToStaticMarkup(<SeverityBadge severity={2} />)).toContain('Severe');
    await i18n.changeLanguage('zh-CN');
  });
});
