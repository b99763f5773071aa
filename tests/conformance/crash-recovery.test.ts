// SIGKILL the hub in the middle of a 1,000-command burst from 10 clients, restart it on the same
// data, and check: acked commands happened exactly once, re-sent ids return the same answer,
// unacked ones apply at most once, and every client resumes without gap or duplicate.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { HubEvent } from '../../shared/protocol/events';
import { describeEachBackend, type Backend } from '../support/backends';
import { command, connectClient, schemaRejections, type Ack, type EventClient } from '../support/client';
import { fetchAllEvents, startChildHub, tempDir, tokenFor, type ChildHub } from '../support/hub';
import { startPostgres, type PostgresCluster } from '../support/postgres';
import { PLACES, USERS, incidentBody } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

const CLIENTS = 10;
const COMMANDS_PER_CLIENT = 100;
const IN_FLIGHT_PER_CLIENT = 5;
const KILL_AFTER_ACKS = 300;
/** Duty accounts that may report in 华一坡; the city ones also report in 渝北. */
const SENDERS = [USERS.city, USERS.district, USERS.street, USERS.community, USERS.city] as const;

interface Sent {
  id: string;
  body: Record<string, unknown>;
  ack?: Ack;
}

/** Resolves with the ack, or undefined once the socket drops (no waiting out a timeout). */
function sendUnlessDropped(socket: Socket, sent: Sent): Promise<Ack | undefined> {
  if (!socket.connected) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const dropped = () => resolve(undefined);
    socket.once('disconnect', dropped);
    command(socket, sent.body, { id: sent.id, timeoutMs: 10_000 }).then(
      (ack) => { socket.off('disconnect', dropped); resolve(ack); },
      () => { socket.off('disconnect', dropped); resolve(undefined); },
    );
  });
}

async function burst(client: EventClient, commands: Sent[], onAck: () => void): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: IN_FLIGHT_PER_CLIENT }, async () => {
    while (next < commands.length) {
      const sent = commands[next++]!;
      const ack = await sendUnlessDropped(client.socket, sent);
      if (!ack) return;
      sent.ack = ack;
      onAck();
    }
  });
  await Promise.all(lanes);
}

describeEachBackend('crash recovery', (backend: Backend) => {
  it('loses no acked command, applies none twice, and resumes every client exactly', async () => {
    const dataDir = tempDir('hub-crash-');
    let cluster: PostgresCluster | undefined;
    let hub: ChildHub | undefined;
    const clients: EventClient[] = [];
    try {
      if (backend === 'postgres') cluster = await startPostgres();
      const databaseUrl = cluster?.url;
      hub = await startChildHub({ dataDir, databaseUrl });
      const usernames = Array.from({ length: CLIENTS }, (_, i) => SENDERS[i % SENDERS.length]!);
      const tokens = new Map<string, string>();
      for (const name of new Set(usernames)) tokens.set(name, await tokenFor(hub.url, name));
      for (const name of usernames) clients.push(await connectClient(hub.url, tokens.get(name)!, { since: 0 }));

      const plans: Sent[][] = usernames.map((name, c) =>
        Array.from({ length: COMMANDS_PER_CLIENT }, (_, i) => ({
          id: randomUUID(),
          body: incidentBody(name === USERS.city && i % 2 ? PLACES.yubei : PLACES.huayipo, { title: `crash ${c}-${i}` }),
        })),
      );
      let acked = 0;
      let killed: Promise<void> | undefined;
      const running = hub;
      await Promise.all(
        clients.map((client, c) =>
          burst(client, plans[c]!, () => {
            if (++acked === KILL_AFTER_ACKS) killed = running.kill();
          }),
        ),
      );
      await killed;
      expect(running.child.signalCode).toBe('SIGKILL');
      const all = plans.flat();
      const ackedBefore = all.filter((s) => s.ack?.ok);
      expect(ackedBefore.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(ackedBefore.length, 'the kill landed mid-burst').toBeLessThan(all.length);
      if (process.env.CRASH_DEBUG) console.log(`[${backend}] acked before the kill: ${ackedBefore.length} of ${all.length}`);
      const lastSeen = clients.map((client) => client.lastSeq());
      const beforeKill = clients.map((client) => client.events.map((e) => e.seq));
      for (const client of clients) client.close();

      hub = await startChildHub({ dataDir, databaseUrl });
      const cityToken = tokens.get(USERS.city)!; // tokens outlive the restart: the secret is stored
      const afterRestart: HubEvent[] = await fetchAllEvents(hub.url, cityToken);
      const reportedById = new Map<string, HubEvent[]>();
      for (const event of afterRestart) {
        if (event.type !== 'incident.reported') continue;
        reportedById.set(event.incidentId, [...(reportedById.get(event.incidentId) ?? []), event]);
      }
      for (const sent of ackedBefore) {
        const ack = sent.ack as Extract<Ack, { ok: true }>;
        const events = reportedById.get(ack.incidentId!) ?? [];
        expect(events.map((e) => e.seq), `acked ${sent.body.title}`).toEqual([ack.seq]);
      }

      // Every client resumes from the last seq it saw, while every command is sent again.
      const resumed = await Promise.all(
        usernames.map((name, c) => connectClient(hub!.url, tokens.get(name)!, { since: lastSeen[c]! })),
      );
      clients.splice(0, clients.length, ...resumed);
      const retried = await Promise.all(
        plans.map((plan, c) => Promise.all(plan.map((sent) => command(resumed[c]!.socket, sent.body, { id: sent.id, timeoutMs: 20_000 })))),
      );
      retried.flat().forEach((ack, i) => {
        const sent = all[i]!;
        if (sent.ack) expect(ack, `re-sent ${sent.body.title}`).toEqual(sent.ack);
        else expect(ack.ok, `unacked ${sent.body.title}: ${JSON.stringify(ack)}`).toBe(true);
      });

      // Each of the 1,000 titles is reported exactly once, by the incident its final ack names.
      const final: HubEvent[] = await fetchAllEvents(hub.url, cityToken);
      const byTitle = new Map<string, HubEvent[]>();
      for (const event of final) if (event.type === 'incident.reported') byTitle.set(event.title, [...(byTitle.get(event.title) ?? []), event]);
      const duplicatedOrMissing = all.filter((s, i) => {
        const events = byTitle.get(String(s.body.title)) ?? [];
        const ack = retried.flat()[i]!;
        return events.length !== 1 || !ack.ok || events[0]!.seq !== ack.seq;
      });
      expect(duplicatedOrMissing.map((s) => s.body.title)).toEqual([]);

      // Before-kill stream + resumed stream = the client's scope, with no gap and no duplicate.
      for (let c = 0; c < CLIENTS; c++) {
        const scope = await fetchAllEvents(hub.url, tokens.get(usernames[c]!)!);
        const client = resumed[c]!;
        // Nothing pushed before the kill was lost with it: pushes follow commits.
        expect(beforeKill[c], `client ${c} (${usernames[c]}) before the kill`).toEqual(scope.filter((e) => e.seq <= lastSeen[c]!).map((e) => e.seq));
        if (scope.at(-1)!.seq > lastSeen[c]!) await client.waitForSeq(scope.at(-1)!.seq, 20_000);
        expect(client.events.map((e) => e.seq), `client ${c} (${usernames[c]}) resumed from ${lastSeen[c]}`).toEqual(
          scope.filter((e) => e.seq > lastSeen[c]!).map((e) => e.seq),
        );
      }
    } finally {
      for (const client of clients) client.close();
      await hub?.stop();
      await cluster?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
