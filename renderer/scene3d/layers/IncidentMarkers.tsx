import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo } from 'react';
import { selectIncidents } from '../../stores/hooks';
import { useWallStore } from '../../stores/wallStore';
import { incidentMarkerPoint, openIncidentsWithin } from './incidentPoints';
import { MarkerLayer } from './MarkerLayer';

/** The canvas attribute listing the incident ids drawn (sorted, comma-separated): what browser tests read instead of pixels. */
export const INCIDENT_MARKERS_ATTRIBUTE = 'data-incident-markers';

export interface IncidentMarkersProps {
  /** The unit shown: its subtree's open incidents are marked. */
  unit: string;
  visible: boolean;
  /** Icon size in metres. */
  scale: number;
  elevation?: number;
  /** Drawn larger, with a halo. */
  focusIncidentId?: string;
  /** A marker was clicked: the scene flies to that incident. */
  onFocus(incidentId: string): void;
}

/**
 * Every open incident of the unit's subtree, one instanced draw call, pulsing by severity. The
 * list follows the wall store (a reported incident appears, a closed one goes) and is mirrored on
 * the canvas element as `data-incident-markers`.
 */
export function IncidentMarkers({ unit, visible, scale, elevation, focusIncidentId, onFocus }: IncidentMarkersProps) {
  const incidents = useWallStore(selectIncidents);
  const canvas = useThree((s) => s.gl.domElement);
  const points = useMemo(
    () => openIncidentsWithin(incidents, unit).map((incident) => ({ ...incidentMarkerPoint(incident), emphasis: incident.incidentId === focusIncidentId })),
    [incidents, unit, focusIncidentId],
  );
  const publish = useCallback((ids: readonly string[]) => canvas.setAttribute(INCIDENT_MARKERS_ATTRIBUTE, ids.join(',')), [canvas]);
  useEffect(() => () => canvas.removeAttribute(INCIDENT_MARKERS_ATTRIBUTE), [canvas]);
  return <MarkerLayer renderOrder={13} name="incident-markers" points={points} visible={visible} scale={scale} elevation={elevation} onPick={onFocus} onDrawn={publish} />;
}
