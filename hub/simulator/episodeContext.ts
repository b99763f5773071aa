// What an episode script may do: wait in simulated time, move indicators, and act through the
// command path as the units it plays. Steps of a unit a human staffs are skipped: the human acts.
import type { IndicatorDefinition } from '../catalog';
import type { Hierarchy, LngLat, Random } from '../hierarchy';
import { incidentKind as incidentKindOf, type IncidentGenerator, type ReportOptions } from './incidentGenerator';
import type { IndicatorSampler } from './indicatorSampler';
import type { LowerCentres } from './lowerCentres';
import type { CommandAck, CommandInput } from './types';

/** Thrown out of `sleep` when the simulator stops mid-episode. */
export class EpisodeAborted extends Error {
  constructor() {
    super('episode aborted: simulator stopped');
  }
}

export interface ReportedCase {
  incidentId: string;
  title: string;
  /** City, district, street, community, grid containing the location. */
  units: string[];
}

export interface EpisodeContext {
  hierarchy: Hierarchy;
  indicators: readonly IndicatorDefinition[];
  sampler: IndicatorSampler;
  incidents: IncidentGenerator;
  random: Random;
  now(): number;
  /** Real milliseconds for `simSeconds` of simulated time. */
  realMs(simSeconds: number): number;
  sleep(simSeconds: number): Promise<void>;
  isHumanStaffed(unit: string): boolean;
  /**
   * Files a report as the unit containing `location` (see ReportOptions.reporter). A scripted
   * case is left to the episode; an unscripted one goes through the centres' usual handling.
   */
  report(kind: string, location: LngLat, options: ReportOptions & { scripted: boolean }): Promise<ReportedCase | undefined>;
  updateIncident(asUnit: string, incidentId: string, patch: { title?: string; severity?: number }): Promise<boolean>;
  closeIncident(asUnit: string, incidentId: string): Promise<boolean>;
  /** Dispatches as `asUnit` unless a human staffs it; the new task's id. */
  dispatch(asUnit: string, incidentId: string, toUnit: string, note: string): Promise<string | undefined>;
  /** A task command as `asUnit`, skipped when staffed or illegal in the task's state. */
  act(asUnit: string, taskId: string, cmd: Extract<CommandInput, { taskId: string }>): Promise<boolean>;
}

export interface EpisodeDeps {
  hierarchy: Hierarchy;
  indicators: readonly IndicatorDefinition[];
  sampler: IndicatorSampler;
  incidents: IncidentGenerator;
  centres: LowerCentres;
  random: Random;
  now(): number;
  realMs(simSeconds: number): number;
  sleep(simSeconds: number): Promise<void>;
  isHumanStaffed(unit: string): boolean;
  command(asUnit: string, cmd: CommandInput): Promise<CommandAck>;
}

export function createEpisodeContext(deps: EpisodeDeps): EpisodeContext {
  const { centres, command } = deps;
  return {
    hierarchy: deps.hierarchy,
    indicators: deps.indicators,
    sampler: deps.sampler,
    incidents: deps.incidents,
    random: deps.random,
    now: deps.now,
    realMs: deps.realMs,
    sleep: deps.sleep,
    isHumanStaffed: deps.isHumanStaffed,
    async report(kind, location, options) {
      const planned = deps.incidents.plan(incidentKindOf(kind), location, options);
      if (!planned) return undefined;
      const key = `report:${planned.cmd.title}`;
      if (options.scripted) centres.claim(key);
      try {
        const ack = await command(planned.asUnit, planned.cmd);
        if (!ack.ok || !ack.incidentId) return undefined;
        if (options.scripted) centres.markScripted({ incidentId: ack.incidentId });
        return { incidentId: ack.incidentId, title: planned.cmd.title, units: deps.hierarchy.locate(location) };
      } finally {
        centres.release(key);
      }
    },
    async updateIncident(asUnit, incidentId, patch) {
      if (deps.isHumanStaffed(asUnit)) return false;
      return (await command(asUnit, { type: 'incident.update', incidentId, ...patch })).ok;
    },
    async closeIncident(asUnit, incidentId) {
      if (deps.isHumanStaffed(asUnit)) return false;
      return (await command(asUnit, { type: 'incident.close', incidentId })).ok;
    },
    async dispatch(asUnit, incidentId, toUnit, note) {
      if (deps.isHumanStaffed(asUnit)) return undefined;
      const key = `dispatch:${incidentId}:${toUnit}`;
      centres.claim(key);
      try {
        const ack = await command(asUnit, { type: 'task.dispatch', incidentId, toUnit, note });
        if (!ack.ok || !ack.taskId) return undefined;
        centres.markScripted({ taskId: ack.taskId });
        return ack.taskId;
      } finally {
        centres.release(key);
      }
    },
    act: (asUnit, taskId, cmd) => centres.act(asUnit, taskId, cmd),
  };
}
