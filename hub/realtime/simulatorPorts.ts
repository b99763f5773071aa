// The simulator plugged into the hub: its commands take the same path as a person's, as the
// internal actor `sim:<unit>` (duty of that unit); it hears every delivered event; it leaves alone
// any unit whose console is connected.
import type { CommandInput } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import { randomUUID } from 'node:crypto';
import { SIMULATOR_PREFIX } from '../auth/demoAccounts';
import type { CommandService } from '../domain/commandService';
import type { SystemPublisher } from '../domain/systemPublisher';
import type { Hierarchy } from '../hierarchy';
import { Simulator } from '../simulator';
import type { EventFeed } from './eventFeed';

export interface SimulatorHost {
  hierarchy: Hierarchy;
  now(): number;
  commands: CommandService;
  publisher: SystemPublisher;
  feed: EventFeed;
  isStaffed(unit: string): boolean;
  seed: number;
  speed?: number;
  /** False when cameras come from a real platform: their status is not simulated. */
  cameraStatus?: boolean;
  /** Cameras offline in the hub's state at start: the simulator brings them back. */
  offlineAtStart?: readonly string[];
  log(message: string): void;
}

export interface RunningSimulator {
  stop(): Promise<void> | void;
}

/** The simulator's ports over the hub's services. */
export function simulatorPorts(host: SimulatorHost) {
  return {
    hierarchy: host.hierarchy,
    now: host.now,
    command: (asUnit: string, cmd: CommandInput) =>
      host.commands.execute({ username: `${SIMULATOR_PREFIX}${asUnit}`, unit: asUnit, roles: ['duty'] }, { ...cmd, id: randomUUID() }),
    publishSamples: (samples: { id: string; value: number; at: string }[]) => host.publisher.publishSamples(samples),
    publishCameraStatus: (cameraId: string, status: 'online' | 'offline') => {
      void host.publisher.publishCameraStatus(cameraId, status);
    },
    onEvent(listener: (event: HubEvent) => void) {
      return host.feed.subscribe((events) => events.forEach((event) => listener(event)));
    },
    isHumanStaffed: (unit: string) => host.isStaffed(unit),
  };
}

/** Starts the seeded simulator on the hub's ports. */
export async function startSimulator(host: SimulatorHost): Promise<RunningSimulator> {
  const simulator = new Simulator(simulatorPorts(host), {
    seed: host.seed,
    ...(host.speed !== undefined ? { speed: host.speed } : {}),
    ...(host.cameraStatus !== undefined ? { cameraStatus: host.cameraStatus } : {}),
    ...(host.offlineAtStart ? { offlineAtStart: host.offlineAtStart } : {}),
  });
  simulator.start();
  host.log(`simulator started (seed ${host.seed})`);
  return { stop: () => simulator.stop() };
}
