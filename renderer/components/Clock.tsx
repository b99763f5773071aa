import { useTranslation } from 'react-i18next';
import { useWallNow } from './useNow';

/** Time and date in the hall's timezone (Chongqing: UTC+8), large enough to read across the hall. */
export function Clock() {
  const { i18n } = useTranslation();
  const now = useWallNow(1000);
  const time = new Intl.DateTimeFormat(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone: 'Asia/Shanghai',
  }).format(now);
  const date = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' }).format(now);
  const weekday = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', timeZone: 'Asia/Shanghai' }).format(now);
  return (
    <div className="clock" role="timer" aria-live="off">
      <time className="clock__time" dateTime={new Date(now).toISOString()}>
        {time}
      </time>
      <span className="clock__date">
        {date} {weekday}
      </span>
    </div>
  );
}
