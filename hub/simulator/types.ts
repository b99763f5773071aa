// The simulator's view of the hub: what it may call and hear. The hub server implements these.
import type { CommandAck, CommandInput } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import type { Hierarchy } from '../hierarchy';

export type { CommandAck, CommandInput, HubEvent };

export interface SimulatorPorts {
  hierarchy: Hierarchy;
  /** ms epoch: the hub's clock (tests may inject a fake). */
  now(): number;
  /** Issue a protocol command as the duty user of `asUnit` and get the protocol ack. */
  command(asUnit: string, cmd: CommandInput): Promise<CommandAck>;
  /** Becomes an `indicator.samples` event. */
  publishSamples(samples: { id: string; value: number; at: string }[]): void;
  publishCameraStatus(cameraId: string, status: 'online' | 'offline'): void;
  /** Every event the hub appends; returns an unsubscribe function. */
  onEvent(listener: (ev: HubEvent) => void): () => void;
  /** True while a real operator console of that unit is connected: the simulator must not play it. */
  isHumanStaffed(unitCode: string): boolean;
}

export const EPISODE_NAMES = ['street-emergency', 'river-fluoride', 'rainstorm-flood'] as const;
export type EpisodeName = (typeof EPISODE_NAMES)[number];

export interface SimulatorOptions {
  /** Every random choice derives from this seed (`HUB_SEED`, default 1). */
  seed: number;
  /**
   * Seed the hub generated its indicator and camera catalogues with (default 1). The simulator
   * must publish the same ids the hub serves, so this follows the hub, not `seed`.
   */
  catalogSeed?: number;
  /** Simulated seconds per real second for delays, episodes and the incident rate (default 1). */
  speed?: number;
  /** Incidents per real minute city-wide at speed 1 (default 3). */
  incidentsPerMinute?: number;
  /** Start an episode now and then during the normal run (default true). */
  autoEpisodes?: boolean;
  /** Flap simulated cameras offline now and then (default true; off when a real camera platform reports its own). */
  cameraStatus?: boolean;
  /**
   * Cameras the hub's state says are offline when the simulator starts (they went down before a
   * restart): with `cameraStatus`, each comes back after a few minutes as if the simulator had
   * flapped it, instead of staying down for good.
   */
  offlineAtStart?: readonly string[];
}
