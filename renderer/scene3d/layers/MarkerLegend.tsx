import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { City3dLayer } from '../../../shared/wall/panels';
import type { LayerVisibility, SceneLevel } from './layerPolicy';
import { RISK_LEVELS_SHOWN } from './layerPolicy';
import {
  ARC_STATES,
  CAMERA_COLOURS,
  CAMERA_SHAPE,
  RISK_LEVELS,
  RISK_SHAPE,
  SEVERITY_SHAPES,
  SHAPE_PATHS,
  TASK_STATE_COLOURS,
  TEAM_COLOUR,
  TEAM_SHAPE,
  riskColour,
  severityColour,
  type ArcState,
  type MarkerShape,
} from './markerStyle';

/** A marker's symbol as the scene draws it: the same shape and colour, with a dark rim. */
export function MarkerSymbol({ shape, colour }: { shape: MarkerShape; colour: string }) {
  return (
    <svg className="marker-symbol" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={SHAPE_PATHS[shape]} fill={colour} stroke="#02060f" strokeWidth="1.5" />
    </svg>
  );
}

const RISK_KEYS: Record<(typeof RISK_LEVELS)[number], string> = { 重大: 'major', 较大: 'serious', 一般: 'general' };

interface Entry {
  symbol: ReactNode;
  label: string;
}

export interface MarkerLegendProps {
  visible: LayerVisibility;
  level: SceneLevel;
  /** The severities and task states on the scene now: the legend explains only what is drawn. */
  severities: ReadonlySet<number>;
  taskStates: ReadonlySet<ArcState>;
}

/** What each drawn marker and arc means, for the layers on: symbol and words, never colour alone. */
export function MarkerLegend({ visible, level, severities, taskStates }: MarkerLegendProps) {
  const { t } = useTranslation();
  const groups: { layer: City3dLayer; entries: Entry[] }[] = [];
  if (visible.incidents && severities.size > 0) {
    groups.push({
      layer: 'incidents',
      entries: [1, 2, 3, 4].filter((severity) => severities.has(severity)).map((severity) => ({
        symbol: <MarkerSymbol shape={SEVERITY_SHAPES[severity]!} colour={severityColour(severity)} />,
        label: t(`severity.level${severity}`),
      })),
    });
  }
  if (visible.tasks && taskStates.size > 0) {
    groups.push({
      layer: 'tasks',
      entries: ARC_STATES.filter((state) => taskStates.has(state)).map((state) => ({ symbol: <span className="arc-swatch" style={{ background: TASK_STATE_COLOURS[state] }} />, label: t(`taskState.${state}`) })),
    });
  }
  if (visible.cameras) {
    groups.push({
      layer: 'cameras',
      entries: (['online', 'offline'] as const).map((status) => ({ symbol: <MarkerSymbol shape={CAMERA_SHAPE} colour={CAMERA_COLOURS[status]} />, label: t(`layers.camera.${status}`) })),
    });
  }
  if (visible.teams) groups.push({ layer: 'teams', entries: [{ symbol: <MarkerSymbol shape={TEAM_SHAPE} colour={TEAM_COLOUR} />, label: t('layers.teamBase') }] });
  if (visible.risks) {
    groups.push({
      layer: 'risks',
      entries: RISK_LEVELS.filter((l) => RISK_LEVELS_SHOWN[level].includes(l)).map((riskLevel) => ({
        symbol: <MarkerSymbol shape={RISK_SHAPE} colour={riskColour(riskLevel)} />,
        label: t(`layers.risk.${RISK_KEYS[riskLevel]}`),
      })),
    });
  }
  if (groups.length === 0) return null;
  return (
    <dl className="marker-legend" aria-label={t('layers.legend')}>
      {groups.map((group) => (
        <div key={group.layer} className="marker-legend__group" data-legend={group.layer}>
          <dt>{t(`layers.name.${group.layer}`)}</dt>
          {group.entries.map((entry) => (
            <dd key={entry.label}>
              {entry.symbol}
              {entry.label}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
