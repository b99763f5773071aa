import { useTranslation } from 'react-i18next';
import type { LegendEntry } from './areaColours';

/** What the area colours mean, at wall text size: each step with how many of the shown areas it covers. */
export function SceneLegend({ title, entries }: { title: string; entries: readonly LegendEntry[] }) {
  const { t } = useTranslation();
  return (
    <section className="scene3d__legend" aria-label={t('scene.legend.label')}>
      <h3 className="scene3d__legend-title">{title}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.labelKey + JSON.stringify(entry.values ?? {})} data-legend-areas={entry.areas}>
            <span className="scene3d__swatch" style={{ background: entry.colour }} />
            <span className="scene3d__legend-text">{t(entry.labelKey, entry.values ?? {})}</span>
            <span className="scene3d__legend-count">{entry.areas}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
