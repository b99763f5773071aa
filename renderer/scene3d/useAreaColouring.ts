import { useEffect, useMemo, useState } from 'react';
import type { ThresholdState } from '../../shared/protocol/indicators';
import { useBridge } from '../bridge/BridgeContext';
import { loadIndicatorCatalog, useIndicatorCatalog } from '../panels/indicators/indicatorCatalog';
import { selectIncidents } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { indicatorStates, metricName, metricOf, openIncidentLoad, type AreaColouring } from './areaColours';

/**
 * How the shown areas are coloured now. Incident load follows the incidents (metadata: a render
 * per incident change). Indicator values are fast data: they are read from the store outside
 * React, and the scene re-renders only when some area's state (normal, warning, alarm) changes.
 */
export function useAreaColouring(colorBy: string, areaCodes: readonly string[]): { colouring: AreaColouring; title: string | null } {
  const byIndicator = colorBy !== 'incidents';
  const metric = byIndicator ? metricOf(colorBy) : null;
  const codesKey = areaCodes.join(',');
  const incidents = useWallStore(selectIncidents);
  const load = useMemo(() => (byIndicator ? new Map<string, number>() : openIncidentLoad(incidents, codesKey ? codesKey.split(',') : [])), [byIndicator, incidents, codesKey]);

  const bridge = useBridge();
  const catalog = useIndicatorCatalog((s) => s.indicators);
  useEffect(() => {
    if (byIndicator) loadIndicatorCatalog(bridge);
  }, [byIndicator, bridge]);
  const [statesKey, setStatesKey] = useState('');
  useEffect(() => {
    if (!metric) return;
    const codes = codesKey ? codesKey.split(',') : [];
    const compute = () => JSON.stringify([...indicatorStates(metric, codes, catalog, useWallStore.getState().wall.indicators)]);
    setStatesKey(compute());
    return useWallStore.subscribe((state, previous) => {
      if (state.wall.indicators !== previous.wall.indicators) setStatesKey(compute());
    });
  }, [metric, codesKey, catalog]);

  const colouring = useMemo<AreaColouring>(() => {
    if (!metric) return { kind: 'incidents', load };
    const states = new Map<string, ThresholdState | null>(statesKey ? (JSON.parse(statesKey) as [string, ThresholdState | null][]) : []);
    return { kind: 'indicator', metric, states };
  }, [metric, load, statesKey]);
  const title = useMemo(() => (metric ? (metricName(metric, catalog) ?? metric) : null), [metric, catalog]);
  return { colouring, title };
}
