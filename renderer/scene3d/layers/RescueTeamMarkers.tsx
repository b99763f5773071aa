import { useMemo } from 'react';
import { RescueTeamList } from '../../../shared/protocol/map';
import { useHubQuery } from '../useHubQuery';
import type { PointLayerProps } from './CameraMarkers';
import { teamMarkerPoints } from './catalogPoints';
import { MarkerLayer } from './MarkerLayer';

/** The rescue teams based in the unit's subtree. */
export function RescueTeamMarkers({ unit, visible, scale, elevation }: PointLayerProps) {
  const answer = useHubQuery(visible ? { kind: 'rescueTeams', unit } : null, RescueTeamList);
  const teams = answer?.status === 'ready' ? answer.value : null;
  const points = useMemo(() => (teams ? teamMarkerPoints(teams) : []), [teams]);
  return <MarkerLayer renderOrder={11} name="team-markers" points={points} visible={visible} scale={scale} elevation={elevation} />;
}
