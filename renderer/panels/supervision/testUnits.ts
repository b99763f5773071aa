import type { HubEvent } from '../../../shared/protocol/events';
import type { Unit } from '../../../shared/protocol/units';
import { reduceEvents } from '../../../shared/state/reduceEvents';
import { emptyWallState } from '../../../shared/state/wallState';
import type { HubQuery } from '../../../shared/view/viewChannel';
import { FakeBridge } from '../../testing/fakeBridge';

/* For tests: the units of the shared state stories (shared/state/testing/stories.ts), answered as the hub would. */

const UNITS: Unit[] = [
  { code: '500000', level: 'city', name: '重庆市', parent: null, centroid: [106.55, 29.56] },
  { code: '500103', level: 'district', name: '渝中区', parent: '500000', centroid: [106.57, 29.55] },
  { code: '500105', level: 'district', name: '江北区', parent: '500000', centroid: [106.57, 29.6] },
  { code: '500112', level: 'district', name: '渝北区', parent: '500000', centroid: [106.63, 29.72] },
  { code: '500103001', level: 'street', name: '七星岗街道', parent: '500103', centroid: [106.567, 29.554] },
  { code: '500103003', level: 'street', name: '解放碑街道', parent: '500103', centroid: [106.564, 29.547] },
  { code: '500112002', level: 'street', name: '双龙湖街道', parent: '500112', centroid: [106.63, 29.72] },
];

/** The answer to a `unit` or `children` query; null for anything else. */
export function answerUnitQuery(query: HubQuery): unknown {
  if (query.kind === 'unit') return UNITS.find((unit) => unit.code === query.code) ?? null;
  if (query.kind === 'children') return UNITS.filter((unit) => unit.parent === query.code);
  return null;
}

/** A fake bridge whose hello state is `events` folded, and which answers unit queries from the stories' units. */
export class StoryBridge extends FakeBridge {
  constructor(events: HubEvent[]) {
    super();
    this.helloState = reduceEvents(emptyWallState(), events);
  }
  override query(query: HubQuery): Promise<unknown> {
    this.queries.push(query);
    return Promise.resolve(answerUnitQuery(query));
  }
}
