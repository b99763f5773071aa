// History for the caller's scope: `GET /api/v1/events` by seq (`since`) or time (`from`/`to`),
// paged `{events, next}`; `GET /api/v1/snapshot?at=` the wall state at an instant.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IsoTime } from '../../shared/protocol/common';
import type { EventPage, HubEvent } from '../../shared/protocol/events';
import { parseAtEdge } from '../../shared/validation';
import type { StoredEvent } from '../store/records';
import type { HttpContext } from './context';
import { sendError } from './errors';

const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 5000;
/** A narrow scope may match few events: stop scanning after this many rows and hand back a cursor. */
const MAX_SCAN = 50_000;

const count = z.coerce.number().int().min(0);
const EventsQuery = z
  .object({
    since: count.optional(),
    limit: count.min(1).max(MAX_LIMIT).optional(),
    from: IsoTime.optional(),
    to: IsoTime.optional(),
  })
  .refine((q) => q.since !== undefined || q.from !== undefined, { message: 'give since=<seq> or from=<ISO>' });

const SnapshotQuery = z.object({ at: IsoTime.optional() });

export function registerHistory(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/events', async (request, reply) => {
    const parsed = parseAtEdge(EventsQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const { since = 0, limit = DEFAULT_LIMIT, from, to } = parsed.value;
    const unit = request.principal!.unit;
    const read =
      from === undefined
        ? (cursor: number, n: number) => ctx.store.eventsAfter(cursor, n)
        : (cursor: number, n: number) => ctx.store.eventsBetween(Date.parse(from), to ? Date.parse(to) : Number.MAX_SAFE_INTEGER, cursor, n);
    const page: EventPage = await collect(read, since, limit, (event) => ctx.scope.visibleTo(event, unit));
    return page;
  });

  app.get('/api/v1/snapshot', async (request, reply) => {
    const parsed = parseAtEdge(SnapshotQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const atMs = parsed.value.at ? Date.parse(parsed.value.at) : ctx.now();
    const state = await ctx.snapshots.stateAt(atMs);
    return ctx.snapshots.scoped(state, request.principal!.unit);
  });
}

/** Reads pages from `since`, keeps what the caller may see, stops at `limit` events or MAX_SCAN rows. */
async function collect(
  read: (cursor: number, n: number) => Promise<StoredEvent[]>,
  since: number,
  limit: number,
  visible: (event: HubEvent) => HubEvent | null,
): Promise<EventPage> {
  const events: HubEvent[] = [];
  let cursor = since;
  let scanned = 0;
  for (;;) {
    const want = limit - events.length;
    const rows = await read(cursor, Math.max(want, 200));
    for (const [i, row] of rows.entries()) {
      const event = visible(row.event);
      if (event) events.push(event);
      cursor = row.event.seq;
      if (events.length === limit) {
        // More may follow: the next page starts after the last event returned.
        return { events, next: i < rows.length - 1 || rows.length === Math.max(want, 200) ? cursor : null };
      }
    }
    scanned += rows.length;
    if (rows.length < Math.max(want, 200)) return { events, next: null };
    if (scanned >= MAX_SCAN) return { events, next: cursor };
  }
}
