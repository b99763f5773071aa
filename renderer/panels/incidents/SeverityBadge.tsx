import { useTranslation } from 'react-i18next';

/** Distinct shapes per level, so severity never rests on colour alone. */
const SHAPES: Record<number, string> = {
  1: 'M7 1h6l6 6v6l-6 6H7l-6-6V7z', // octagon
  2: 'M10 1.5 19 18H1z', // triangle
  3: 'M10 1 19 10 10 19 1 10z', // diamond
  4: 'M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18z', // circle
};

export function SeverityIcon({ severity }: { severity: number }) {
  return (
    <svg className="severity-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={SHAPES[severity] ?? SHAPES[4]} />
      <text x="10" y="14" textAnchor="middle">
        {severity === 1 ? '!' : ''}
      </text>
    </svg>
  );
}

/** Icon, level (Ⅰ级) and name (特别重大), in the severity's colour. */
export function SeverityBadge({ severity, compact = false }: { severity: number; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`severity-badge sev-${severity}`} data-severity={severity}>
      <SeverityIcon severity={severity} />
      <span className="severity-badge__level">{t(`severity.level${severity}`)}</span>
      {!compact && <span className="severity-badge__name">{t(`severity.${severity}`)}</span>}
    </span>
  );
}
