import { isInSubtree } from '../../../shared/domain/units';
import { project } from '../../../shared/geo/projection';
import type { IncidentView, WallState } from '../../../shared/state/wallState';
import type { MarkerPoint } from './markerInstances';
import { PULSE_HZ, SEVERITY_SHAPES, severityColour } from './markerStyle';

/**
 * The incidents the scene marks for `unit`: open ones whose unit chain reaches into its subtree
 * (the hub's own scoping rule, so a district's wall marks what its hub scope sends it), sorted
 * by id: the order of the instances and of the `data-incident-markers` list tests read.
 */
export function openIncidentsWithin(incidents: WallState['incidents'], unit: string): IncidentView[] {
  return Object.values(incidents)
    .filter((incident) => incident.status === 'open' && incident.units.some((code) => isInSubtree(code, unit)))
    .sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
}

/** An incident as a marker: at its location, in its severity's colour, shape and pulse. */
export function incidentMarkerPoint(incident: IncidentView): MarkerPoint {
  const [x, z] = project(incident.location);
  return {
    id: incident.incidentId,
    x,
    z,
    colour: severityColour(incident.severity),
    shape: SEVERITY_SHAPES[incident.severity] ?? 'circle',
    pulseHz: PULSE_HZ[incident.severity] ?? 0,
  };
}
