import { useMemo } from 'react';
import { RiskPointList } from '../../../shared/protocol/map';
import { useHubQuery } from '../useHubQuery';
import type { PointLayerProps } from './CameraMarkers';
import { riskMarkerPoints } from './catalogPoints';
import { RISK_LEVELS_SHOWN, sceneLevelOf } from './layerPolicy';
import { MarkerLayer } from './MarkerLayer';

/**
 * The unit's risk points of the levels its scene level shows (layerPolicy.ts): none for the
 * city (32,000 would be a carpet, and are never fetched), 重大 for a district, all for a street.
 */
export function RiskPointMarkers({ unit, visible, scale, elevation }: PointLayerProps) {
  const levels = RISK_LEVELS_SHOWN[sceneLevelOf(unit)];
  const answer = useHubQuery(visible && levels.length > 0 ? { kind: 'riskPoints', unit } : null, RiskPointList);
  const risks = answer?.status === 'ready' ? answer.value : null;
  const points = useMemo(() => (risks ? riskMarkerPoints(risks, levels) : []), [risks, levels]);
  return <MarkerLayer name="risk-markers" points={points} visible={visible} scale={scale} elevation={elevation} />;
}
