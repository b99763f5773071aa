import { levelOfCode } from '../../../shared/domain/units';
import { CITY3D_LAYERS, type City3dLayer, type City3dPanelSettings } from '../../../shared/wall/panels';

/** The scene's three levels: the whole city, one district, one street. */
export type SceneLevel = 'city' | 'district' | 'street';

/** 'on' and 'off' are the defaults an officer may flip; 'unavailable' is never drawn at that level. */
export type LayerAvailability = 'on' | 'off' | 'unavailable';

/**
 * What each level draws. Point layers are dropped where they would be a carpet rather than
 * information: 32,000 risk points or 6,000 cameras over a 470 km city say nothing a district's
 * load colour does not, cost instancing buffers on every window, and bury the incidents. A
 * district shows its teams and its 重大 risk points (tens), its cameras on request
 * (a core district has hundreds, a carpet over its streets); a street shows everything,
 * buildings included (only streets have them). Teams over the whole city are on request.
 */
export const LAYER_POLICY: Record<SceneLevel, Record<City3dLayer, LayerAvailability>> = {
  city: { areas: 'on', labels: 'on', buildings: 'unavailable', incidents: 'on', tasks: 'on', cameras: 'unavailable', teams: 'off', risks: 'unavailable' },
  district: { areas: 'on', labels: 'on', buildings: 'unavailable', incidents: 'on', tasks: 'on', cameras: 'off', teams: 'on', risks: 'on' },
  street: { areas: 'on', labels: 'on', buildings: 'on', incidents: 'on', tasks: 'on', cameras: 'on', teams: 'on', risks: 'on' },
};

/** Risk point levels drawn per scene level (the hub's levels: 重大, 较大, 一般). */
export const RISK_LEVELS_SHOWN: Record<SceneLevel, readonly string[]> = {
  city: [],
  district: ['重大'],
  street: ['重大', '较大', '一般'],
};

/** The scene level a unit code is shown at (communities and grids are shown as their street). */
export function sceneLevelOf(unit: string): SceneLevel {
  const level = levelOfCode(unit);
  return level === 'city' || level === 'district' ? level : 'street';
}

export type LayerVisibility = Record<City3dLayer, boolean>;

/** Each layer on or off: the officer's choice where the level allows one, else the level's default. */
export function effectiveLayers(layers: City3dPanelSettings['layers'], level: SceneLevel): LayerVisibility {
  const policy = LAYER_POLICY[level];
  const visible = {} as LayerVisibility;
  for (const layer of CITY3D_LAYERS) {
    visible[layer] = policy[layer] !== 'unavailable' && (layers?.[layer] ?? policy[layer] === 'on');
  }
  return visible;
}

/** The `layers` setting after an officer flips one (the other choices kept as they were). */
export function toggledLayers(layers: City3dPanelSettings['layers'], level: SceneLevel, layer: City3dLayer): NonNullable<City3dPanelSettings['layers']> {
  return { ...layers, [layer]: !effectiveLayers(layers, level)[layer] };
}
