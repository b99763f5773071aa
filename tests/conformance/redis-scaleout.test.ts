// Two hub nodes on one PostgreSQL database share pushes through Redis: a command on node A
// reaches a client of node B, once, in seq order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandOk, connectClient, schemaRejections, type EventClient } from '../support/client';
import { startTestHub, tokenFor, type TestHub } from '../support/hub';
import { postgresMissing, startPostgres, type PostgresCluster } from '../support/postgres';
import { redisMissing, startRedis, type RedisServer } from '../support/redis';
import { PLACES, USERS, dispatchTask, incidentBody, reportIncident } from './fixtures';
import { backendMissing } from '../support/backends';

afterAll(() => expect(schemaRejections).toEqual([]));

const missing = backendMissing('postgres') ?? redisMissing();

describe.skipIf(missing !== null)(`two hub nodes behind Redis${missing ? ` (skipped: ${missing ?? postgresMissing()})` : ''}`, () => {
  let cluster: PostgresCluster;
  let redis: RedisServer;
  let nodeA: TestHub;
  let nodeB: TestHub;
  let onA: EventClient;
  let onB: EventClient;
  let streetOnB: EventClient;

  beforeAll(async () => {
    [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
    nodeA = await startTestHub({ databaseUrl: cluster.url, redisUrl: redis.url });
    nodeB = await startTestHub({ databaseUrl: cluster.url, redisUrl: redis.url });
    // A token minted by one node works on the other: the signing secret lives in the database.
    onA = await connectClient(nodeA.url, await tokenFor(nodeA.url, USERS.city), { since: 0 });
    onB = await connectClient(nodeB.url, await tokenFor(nodeA.url, USERS.city), { since: 0 });
    streetOnB = await connectClient(nodeB.url, await tokenFor(nodeB.url, USERS.street), { since: 0 });
  }, 60_000);

  afterAll(async () => {
    for (const client of [onA, onB, streetOnB]) client?.close();
    await nodeA?.close();
    await nodeB?.close();
    await redis?.stop();
    await cluster?.stop();
  }, 30_000);

  it('delivers an event made on node A to a client of node B', async () => {
    const { seq, incidentId } = await reportIncident(onA.socket, PLACES.huayipo);
    const seen = await onB.waitFor((e) => e.seq === seq, 5_000, 'the incident on node B');
    expect(seen).toMatchObject({ type: 'incident.reported', incidentId });
  });

  it('keeps scope, order and uniqueness across nodes under a burst from both', async () => {
    const acks = await Promise.all(
      Array.from({ length: 30 }, (_, i) => commandOk((i % 2 ? onA : onB).socket, incidentBody(i % 3 ? PLACES.huayipo : PLACES.yubei))),
    );
    const last = Math.max(...acks.map((a) => a.seq));
    await onA.waitForSeq(last);
    await onB.waitForSeq(last);
    const seqsA = onA.events.map((e) => e.seq);
    const seqsB = onB.events.map((e) => e.seq);
    expect(seqsB).toEqual(seqsA);
    expect(new Set(seqsB).size).toBe(seqsB.length);
    for (let i = 1; i < seqsB.length; i++) expect(seqsB[i]!).toBeGreaterThan(seqsB[i - 1]!);
    // The street on node B got its own subtree's incidents only.
    for (const event of streetOnB.events) if (event.type === 'incident.reported') expect(event.units).toContain('500103001');
  });

  it('lets a command on node B act on a task made on node A', async () => {
    const { incidentId } = await reportIncident(onA.socket);
    const { taskId, seq } = await dispatchTask(onA.socket, incidentId, '500103001');
    await streetOnB.waitForSeq(seq);
    const accepted = await commandOk(streetOnB.socket, { type: 'task.accept', taskId });
    const seen = await onA.waitFor((e) => e.seq === accepted.seq, 5_000, 'the accept on node A');
    expect(seen).toMatchObject({ type: 'task.accepted', taskId, by: USERS.street });
  });
});
