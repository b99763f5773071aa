// What the HTTP routes need from the running hub.
import type { Principal } from '../auth/accounts';
import type { LoginLimiter } from '../auth/loginLimiter';
import type { TokenIssuer } from '../auth/tokens';
import type { CameraCatalog, IndicatorDefinition, MapData } from '../catalog';
import type { CommandService } from '../domain/commandService';
import type { DispatchRules } from '../domain/dispatchRules';
import type { EventScope } from '../domain/eventScope';
import type { Snapshots } from '../domain/snapshots';
import type { Hierarchy } from '../hierarchy';
import type { BuildingCatalog, MapAreas } from '../map';
import type { Store } from '../store/store';

export interface HttpContext {
  store: Store;
  hierarchy: Hierarchy;
  tokens: TokenIssuer;
  limiter: LoginLimiter;
  commands: CommandService;
  scope: EventScope;
  snapshots: Snapshots;
  indicators: readonly IndicatorDefinition[];
  cameras: CameraCatalog;
  mapData(): MapData;
  /** Areas of a unit's children for the 3D scene (cached per parent). */
  mapAreas: MapAreas;
  /** Each street's buildings: imported where a footprint file gave some, else generated. */
  buildings: BuildingCatalog;
  /** The routing rules loaded at start (dispatch proposals). */
  dispatchRules: DispatchRules;
  now(): number;
  /** The hub's own log line (silent when the hub's logger is off). */
  log(message: string): void;
  publicBaseUrl(): string;
  /** The principal a token stands for (account still present), or undefined. */
  authenticate(token: string): Promise<Principal | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
