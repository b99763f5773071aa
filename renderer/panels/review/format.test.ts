import { describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import i18next from 'i18next';
import { formatClock, formatDuration, formatMedianMinutes, formatSpan, lateMinutes } from './format';

describe('review formats', () => {
  it('says durations in seconds, minutes, then hours and minutes', async () => {
    initI18n('zh-CN');
    const t = i18next.t.bind(i18next);
    expect(formatDuration(40_000, t)).toBe('40 秒');
    expect(formatDuration(19 * 60_000, t)).toBe('19 分钟');
    expect(formatDuration(150 * 60_000, t)).toBe('2 小时 30 分');
    expect(formatSpan(61 * 60_000, t)).toBe('61 分钟');
    expect(formatSpan(150 * 60_000, t)).toBe('2.5 小时');
    await i18next.changeLanguage('en');
    expect(formatDuration(19 * 60_000, t)).toBe('19 min');
    await i18next.changeLanguage('zh-CN');
  });

  it('shows medians with one decimal under ten minutes, a dash for none, and late minutes at least 1', () => {
    expect(formatMedianMinutes(3)).toBe('3.0');
    expect(formatMedianMinutes(19.5)).toBe('20');
    expect(formatMedianMinutes(null)).toBe('—');
    expect(lateMinutes(5_000)).toBe(1);
    expect(lateMinutes(8 * 60_000)).toBe(8);
  });

  it('reads times in the hall’s time zone', () => {
    expect(formatClock('2026-03-02T00:05:00.000Z', 'zh-CN')).toBe('08:05');
  });
});
