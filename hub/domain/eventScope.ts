// Who sees which event. A unit sees an event when one of the event's anchor units lies in its
// subtree: an incident's deepest located unit; a task's dispatcher, every unit that has held it,
// and its incident; a camera's unit. Indicator samples are filtered sample by sample.
// Live fan-out uses the same rule through socket rooms: a client of unit U sits in room
// `unit:U`, and an event goes to the rooms of every unit on its anchors' chains.
import { CITY_CODE, isInSubtree } from '../../shared/domain/units';
import type { HubEvent } from '../../shared/protocol/events';
import type { IndicatorSample } from '../../shared/protocol/indicators';
import type { Store } from '../store/store';
import { chainOfCode, roomOf } from './unitChain';

export interface CatalogUnits {
  indicatorUnit(id: string): string | undefined;
  cameraUnit(id: string): string | undefined;
}

type ScopedEvent = HubEvent & { type: string };

export class EventScope {
  private readonly incidentLeaf = new Map<string, string>();
  private readonly taskAnchors = new Map<string, Set<string>>();

  constructor(private readonly catalog: CatalogUnits) {}

  /** Loads what the store knows of incidents and tasks (at start). */
  async load(store: Store): Promise<void> {
    for (const { incidentId, units } of await store.incidentUnits()) this.rememberIncident(incidentId, units);
    for (const task of await store.taskScopes()) {
      const anchors = this.anchorSet(task.taskId, task.incidentId);
      anchors.add(task.fromUnit);
      for (const holder of task.holders) anchors.add(holder);
    }
  }

  /** Learns from an event (idempotent): call for every event before anchoring or fanning it out. */
  observe(event: HubEvent | (Omit<HubEvent, 'seq' | 'ts'> & { type: string })): void {
    const e = event as HubEvent;
    if (e.type === 'incident.reported') {
      this.rememberIncident(e.incidentId, e.units);
      return;
    }
    if (!e.type.startsWith('task.')) return;
    const task = e as Extract<HubEvent, { taskId: string }>;
    const anchors = this.anchorSet(task.taskId, task.incidentId);
    if ('fromUnit' in task && task.fromUnit) anchors.add(task.fromUnit);
    if (task.toUnit) anchors.add(task.toUnit);
  }

  /** The anchor units of an event (empty for indicator samples). */
  anchorsOf(event: Pick<HubEvent, 'type'> & Partial<Record<string, unknown>>): string[] {
    const e = event as HubEvent;
    switch (e.type) {
      case 'incident.reported':
      case 'incident.updated':
      case 'incident.closed': {
        const leaf = this.incidentLeaf.get(e.incidentId);
        return leaf ? [leaf] : [CITY_CODE];
      }
      case 'camera.status':
        return [this.catalog.cameraUnit(e.cameraId) ?? CITY_CODE];
      case 'indicator.samples':
        return [];
      default:
        return [...(this.taskAnchors.get(e.taskId) ?? [CITY_CODE])];
    }
  }

  /** The event as `unit` may see it (samples filtered to its subtree), or null. */
  visibleTo(event: HubEvent, unit: string): HubEvent | null {
    if (event.type === 'indicator.samples') {
      if (unit === CITY_CODE) return event;
      const samples = event.samples.filter((s) => isInSubtree(this.catalog.indicatorUnit(s.id) ?? CITY_CODE, unit));
      if (samples.length === 0) return null;
      return samples.length === event.samples.length ? event : { ...event, samples };
    }
    return this.anchorsOf(event).some((anchor) => isInSubtree(anchor, unit)) ? event : null;
  }

  /** Room → the event as that room sees it. O(anchors × depth), independent of client count. */
  roomPayloads(event: HubEvent): Map<string, HubEvent> {
    const payloads = new Map<string, HubEvent>();
    if (event.type === 'indicator.samples') {
      const byRoom = new Map<string, IndicatorSample[]>();
      for (const sample of event.samples) {
        for (const unit of chainOfCode(this.catalog.indicatorUnit(sample.id) ?? CITY_CODE)) {
          const room = roomOf(unit);
          const list = byRoom.get(room);
          if (list) list.push(sample);
          else byRoom.set(room, [sample]);
        }
      }
      for (const [room, samples] of byRoom) payloads.set(room, samples.length === event.samples.length ? event : { ...event, samples });
      return payloads;
    }
    for (const anchor of this.anchorsOf(event as ScopedEvent)) {
      for (const unit of chainOfCode(anchor)) payloads.set(roomOf(unit), event);
    }
    return payloads;
  }

  /** Whether `unit` sees a task: its incident, its dispatcher or a holder lies in `unit`'s subtree. */
  taskVisibleTo(taskId: string, incidentId: string, unit: string): boolean {
    const anchors = this.taskAnchors.get(taskId);
    if (anchors) return [...anchors].some((anchor) => isInSubtree(anchor, unit));
    const leaf = this.incidentLeaf.get(incidentId);
    return leaf !== undefined && isInSubtree(leaf, unit);
  }

  private rememberIncident(incidentId: string, units: string[]): void {
    const leaf = units[units.length - 1];
    if (leaf) this.incidentLeaf.set(incidentId, leaf);
  }

  private anchorSet(taskId: string, incidentId: string): Set<string> {
    let anchors = this.taskAnchors.get(taskId);
    if (!anchors) {
      anchors = new Set();
      this.taskAnchors.set(taskId, anchors);
    }
    const leaf = this.incidentLeaf.get(incidentId);
    if (leaf) anchors.add(leaf);
    return anchors;
  }
}
