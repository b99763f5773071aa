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
  /** The routing rules loaded at start (dispatch proposals). */
  dispatchRules: DispatchRules;
  now(): number;
  publicBaseUrl(): string;
  /** The principal a token stands for (account still present), or undefined. */
  authenticate(token: string): Promise<Principal | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
