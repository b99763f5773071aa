import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../stores/derive';
import { SeverityIcon } from './SeverityBadge';

/**
 * Toggle buttons, one per level plus "all": real buttons with `aria-pressed`, so the filter
 * works from the keyboard and reads correctly to a screen reader.
 */
export function SeverityFilter({ selected, onChange }: { selected: readonly number[]; onChange: (next: number[]) => void }) {
  const { t } = useTranslation();
  const all = selected.length === 0;
  const toggle = (severity: number) =>
    onChange(selected.includes(severity) ? selected.filter((s) => s !== severity) : [...selected, severity].sort());
  return (
    <div className="severity-filter" role="group" aria-label={t('incidents.filter')}>
      <button type="button" className="chip" aria-pressed={all} onClick={() => onChange([])}>
        {t('incidents.filterAll')}
      </button>
      {SEVERITIES.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`chip sev-${severity}`}
          aria-pressed={selected.includes(severity)}
          onClick={() => toggle(severity)}
          data-testid={`filter-severity-${severity}`}
        >
          <SeverityIcon severity={severity} />
          {t(`severity.level${severity}`)}
        </button>
      ))}
    </div>
  );
}
