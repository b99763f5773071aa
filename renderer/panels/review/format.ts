import type { TFunction } from 'i18next';

const MINUTE = 60_000;

/** A step's duration in words: seconds under a minute, minutes under two hours, then hours and minutes. */
export function formatDuration(ms: number, t: TFunction): string {
  if (ms < MINUTE) return t('review.duration.seconds', { count: Math.round(ms / 1000) });
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 120) return t('review.duration.minutes', { count: minutes });
  return t('review.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** A total for the big figures, short: minutes under two hours, then hours with one decimal. */
export function formatSpan(ms: number, t: TFunction): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 120) return t('review.duration.minutes', { count: minutes });
  return t('review.duration.hoursDecimal', { count: Number((minutes / 60).toFixed(1)) });
}

/** Late by so many minutes, at least 1 (a step a few seconds late is still late). */
export function lateMinutes(lateMs: number): number {
  return Math.max(1, Math.round(lateMs / MINUTE));
}

/** A median in minutes as the board shows it: one decimal under 10, whole minutes above; a dash for none. */
export function formatMedianMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  return minutes < 10 ? minutes.toFixed(1) : String(Math.round(minutes));
}

/** Hours and minutes in the hall's time zone (Chongqing, UTC+8). */
export function formatClock(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' }).format(Date.parse(iso));
}
