import { useTranslation } from 'react-i18next';
import { IndicatorsPanel } from './index';
import { IndicatorsPanelSettings } from './settings';

/**
 * The benchmark page's URL (standaloneEntry.tsx): `?panel=indicators&board=ecology[&unit=500103]
 * [&ids=a,b][&sort=name]`, or null for another page; a bad value falls back to all boards. The app
 * itself opens a board with main.tsx's `?panel=indicators&settings=<JSON>`.
 */
export function readIndicatorsStandalone(search: string): IndicatorsPanelSettings | null {
  const params = new URLSearchParams(search);
  if (params.get('panel') !== 'indicators') return null;
  const parsed = IndicatorsPanelSettings.safeParse({
    board: params.get('board') ?? 'all',
    unit: params.get('unit') ?? undefined,
    ids: params.get('ids')?.split(',').filter(Boolean),
    sort: params.get('sort') ?? undefined,
  });
  if (parsed.success) return parsed.data;
  console.warn(`[indicators] ignoring URL settings: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { board: 'all' };
}

/** One board filling the window (manual viewing, end-to-end tests, the benchmark). */
export function IndicatorsStandalone({ settings }: { settings: IndicatorsPanelSettings }) {
  const { t } = useTranslation();
  return (
    <main className="ind-standalone">
      <h1 className="visually-hidden">{t('hall.name')}</h1>
      <IndicatorsPanel settings={settings} cellId="standalone" />
    </main>
  );
}
