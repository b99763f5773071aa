import type { z } from 'zod';
import { CameraList } from '../../shared/protocol/cameras';
import { DispatchProposal } from '../../shared/protocol/dispatch';
import { BuildingList, RescueTeamList, RiskPointList, UnitAreaList } from '../../shared/protocol/map';
import { IndicatorList } from '../../shared/protocol/indicators';
import { Unit, UnitList } from '../../shared/protocol/units';
import type { HubQuery } from '../../shared/view/viewChannel';

/** The hub path a view's catalog query maps to, and the schema its answer must pass. */
export function hubQueryRequest(query: HubQuery): { path: string; schema: z.ZodType } {
  switch (query.kind) {
    case 'unit':
      return { path: `/api/v1/units/${encodeURIComponent(query.code)}`, schema: Unit };
    case 'children':
      return { path: `/api/v1/units/${encodeURIComponent(query.code)}/children`, schema: UnitList };
    case 'cameras': {
      const params = new URLSearchParams();
      if (query.unit !== undefined) params.set('unit', query.unit);
      if (query.near !== undefined) params.set('near', `${query.near[0]},${query.near[1]}`);
      if (query.q !== undefined) params.set('q', query.q);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      const search = params.toString();
      return { path: `/api/v1/cameras${search ? `?${search}` : ''}`, schema: CameraList };
    }
    case 'indicators':
      return { path: '/api/v1/indicators', schema: IndicatorList };
    case 'mapAreas':
      return { path: `/api/v1/map/areas?parent=${encodeURIComponent(query.parent)}`, schema: UnitAreaList };
    case 'mapBuildings':
      return { path: `/api/v1/map/buildings?unit=${encodeURIComponent(query.unit)}`, schema: BuildingList };
    case 'riskPoints':
      return { path: `/api/v1/map/risk-points${query.unit !== undefined ? `?unit=${encodeURIComponent(query.unit)}` : ''}`, schema: RiskPointList };
    case 'rescueTeams':
      return { path: `/api/v1/map/rescue-teams${query.unit !== undefined ? `?unit=${encodeURIComponent(query.unit)}` : ''}`, schema: RescueTeamList };
    case 'dispatchProposal':
      return { path: `/api/v1/incidents/${encodeURIComponent(query.incidentId)}/dispatch-proposal`, schema: DispatchProposal };
  }
}
