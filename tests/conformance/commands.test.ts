// PROTOCOL.md, Commands: every command type, its ack and its event; the task lifecycle;
// idempotency; and every error code.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CommandAck } from '../../shared/protocol/commands';
import type { HubEvent } from '../../shared/protocol/events';
import { describeEachBackend, useHub } from '../support/backends';
import { command, commandOk, connectClient, schemaRejections, type Ack, type EventClient } from '../support/client';
import { fetchAllEvents, http } from '../support/hub';
import { PLACES, UNITS, USERS, dispatchTask, incidentBody, reportIncident, useClients } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

/** The event an ok ack points at, as the city (which sees everything) received it. */
async function eventOf(city: EventClient, ack: Ack): Promise<HubEvent> {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return city.waitFor((e) => e.seq === ack.seq, 5_000, `the event of seq ${ack.seq}`);
}

function expectError(ack: Ack, code: string, mentions?: string): void {
  expect(CommandAck.safeParse(ack).success, JSON.stringify(ack)).toBe(true);
  expect(ack.ok, JSON.stringify(ack)).toBe(false);
  if (ack.ok) return;
  expect(ack.error.code, ack.error.message).toBe(code);
  if (mentions) expect(ack.error.message).toContain(mentions);
}

describeEachBackend('commands', (backend) => {
  const fx = useHub(backend);
  const c = useClients(fx);

  it('incident.report acks {ok, seq, incidentId} and emits incident.reported with the unit chain, city first', async () => {
    const body = incidentBody(PLACES.huayipo, { title: '华一坡 积水', severity: 1 });
    const ack = await command(c.city.socket, body);
    expect(CommandAck.parse(ack)).toMatchObject({ ok: true, seq: expect.any(Number), incidentId: expect.any(String) });
    const event = await eventOf(c.city, ack);
    expect(event).toMatchObject({
      type: 'incident.reported',
      incidentId: ack.ok ? ack.incidentId : '',
      title: '华一坡 积水',
      kind: 'flood',
      board: 'emergency',
      severity: 1,
      location: PLACES.huayipo,
    });
    if (event.type !== 'incident.reported') return;
    expect(event.units.slice(0, 4)).toEqual([UNITS.city, UNITS.district, UNITS.street, UNITS.community]);
  });

  it('incident.update and incident.close emit incident.updated and incident.closed', async () => {
    const { incidentId } = await reportIncident(c.city.socket);
    const updated = await eventOf(c.city, await command(c.city.socket, { type: 'incident.update', incidentId, severity: 3 }));
    expect(updated).toMatchObject({ type: 'incident.updated', incidentId, severity: 3 });
    const closed = await eventOf(c.city, await command(c.city.socket, { type: 'incident.close', incidentId }));
    expect(closed).toMatchObject({ type: 'incident.closed', incidentId });
  });

  it('runs the full lifecycle dispatch → accept → arrive → feedback → close → evaluate', async () => {
    const { incidentId } = await reportIncident(c.city.socket);
    const dispatch = await command(c.city.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.street, note: '立即核查' });
    expect(CommandAck.parse(dispatch)).toMatchObject({ ok: true, taskId: expect.any(String) });
    const taskId = dispatch.ok ? dispatch.taskId! : '';
    expect(await eventOf(c.city, dispatch)).toMatchObject({
      type: 'task.dispatched', taskId, incidentId, state: 'dispatched', by: USERS.city, fromUnit: UNITS.city, toUnit: UNITS.street, note: '立即核查',
    });
    // The assignee street sees the dispatch too.
    await c.street.waitFor((e) => e.type === 'task.dispatched' && e.taskId === taskId);

    const steps: [EventClient, Record<string, unknown>, string, string, string][] = [
      [c.street, { type: 'task.accept', taskId }, 'task.accepted', 'accepted', USERS.street],
      [c.street, { type: 'task.arrive', taskId }, 'task.arrived', 'arrived', USERS.street],
      [c.street, { type: 'task.feedback', taskId, text: '已到场处置' }, 'task.feedback', 'feedback', USERS.street],
      [c.city, { type: 'task.close', taskId }, 'task.closed', 'closed', USERS.city],
      [c.city, { type: 'task.evaluate', taskId, score: 5 }, 'task.evaluated', 'evaluated', USERS.city],
    ];
    for (const [client, body, type, state, by] of steps) {
      const ack = await command(client.socket, body);
      expect(CommandAck.parse(ack), `${String(body.type)}: ${JSON.stringify(ack)}`).toMatchObject({ ok: true });
      expect(await eventOf(c.city, ack)).toMatchObject({ type, taskId, incidentId, state, by });
    }
    const evaluated = c.city.events.find((e) => e.type === 'task.evaluated' && e.taskId === taskId);
    expect(evaluated).toMatchObject({ score: 5 });
    const feedback = c.city.events.find((e) => e.type === 'task.feedback' && e.taskId === taskId);
    expect(feedback).toMatchObject({ text: '已到场处置' });
  });

  it('a returned task carries its reason and the dispatcher redispatches it', async () => {
    const { incidentId } = await reportIncident(c.city.socket);
    const { taskId } = await dispatchTask(c.city.socket, incidentId, UNITS.street);
    const returned = await eventOf(c.city, await command(c.street.socket, { type: 'task.return', taskId, reason: '不属于本街道' }));
    expect(returned).toMatchObject({ type: 'task.returned', taskId, state: 'returned', reason: '不属于本街道', by: USERS.street });
    const redispatched = await eventOf(c.city, await command(c.city.socket, { type: 'task.redispatch', taskId, toUnit: UNITS.otherStreet }));
    expect(redispatched).toMatchObject({ type: 'task.redispatched', taskId, state: 'dispatched', toUnit: UNITS.otherStreet, by: USERS.city });
  });

  it('the assignee redispatches further down, and the new assignee can escalate', async () => {
    const { incidentId } = await reportIncident(c.city.socket);
    const { taskId } = await dispatchTask(c.district.socket, incidentId, UNITS.street);
    const down = await eventOf(c.city, await command(c.street.socket, { type: 'task.redispatch', taskId, toUnit: UNITS.community }));
    expect(down).toMatchObject({ type: 'task.redispatched', taskId, state: 'dispatched', fromUnit: UNITS.street, toUnit: UNITS.community });
    await c.community.waitFor((e) => e.seq === down.seq);
    expect(await eventOf(c.city, await command(c.community.socket, { type: 'task.accept', taskId }))).toMatchObject({ type: 'task.accepted', state: 'accepted', by: USERS.community });
    const escalated = await eventOf(c.city, await command(c.community.socket, { type: 'task.escalate', taskId, reason: '力量不足' }));
    expect(escalated).toMatchObject({ type: 'task.escalated', taskId, state: 'escalated', by: USERS.community });
  });

  describe('idempotency', () => {
    it('the same id returns the same ack and emits nothing more', async () => {
      const id = randomUUID();
      const body = incidentBody();
      const first = await command(c.city.socket, body, { id });
      const again = await command(c.city.socket, body, { id });
      const changed = await command(c.city.socket, { ...body, title: 'a different body under the same id' }, { id });
      expect(again).toEqual(first);
      expect(changed).toEqual(first);
      const events: HubEvent[] = await fetchAllEvents(fx.hub.url, await fx.token(USERS.city), first.ok ? first.seq - 1 : 0);
      const reports = events.filter((e) => e.type === 'incident.reported' && e.incidentId === (first.ok ? first.incidentId : ''));
      expect(reports).toHaveLength(1);
      expect(events.some((e) => e.type === 'incident.reported' && e.title === 'a different body under the same id')).toBe(false);
    });

    it('holds for concurrent duplicates and across sockets of the same user', async () => {
      const id = randomUUID();
      const body = incidentBody();
      const acks = await Promise.all([command(c.city.socket, body, { id }), command(c.city.socket, body, { id }), command(c.city.socket, body, { id })]);
      expect(acks[1]).toEqual(acks[0]);
      expect(acks[2]).toEqual(acks[0]);
      expect(acks[0]!.ok).toBe(true);
      const reported = c.city.events.filter((e) => e.type === 'incident.reported' && e.incidentId === (acks[0]!.ok ? acks[0]!.incidentId : ''));
      await c.city.waitForSeq(acks[0]!.ok ? acks[0]!.seq : 0);
      expect(reported.length).toBeLessThanOrEqual(1);
    });

    it('a refused command is refused the same way again', async () => {
      const id = randomUUID();
      const first = await command(c.trainer.socket, { type: 'task.accept', taskId: 'no-such-task' }, { id });
      const again = await command(c.trainer.socket, { type: 'task.accept', taskId: 'no-such-task' }, { id });
      expect(first.ok).toBe(false);
      expect(again).toEqual(first);
    });
  });

  describe('error codes', () => {
    it('forbidden: a street closing a task the city dispatched to it', async () => {
      const { incidentId } = await reportIncident(c.city.socket);
      const { taskId } = await dispatchTask(c.city.socket, incidentId, UNITS.street);
      for (const body of [{ type: 'task.accept', taskId }, { type: 'task.arrive', taskId }, { type: 'task.feedback', taskId, text: '处置完毕' }]) {
        await commandOk(c.street.socket, body);
      }
      expectError(await command(c.street.socket, { type: 'task.close', taskId }), 'forbidden');
    });

    it('forbidden: a district dispatching into another district, or a street into its parent', async () => {
      const { incidentId } = await reportIncident(c.city.socket, PLACES.yubei);
      expectError(await command(c.district.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.otherDistrict }), 'forbidden');
      expectError(await command(c.street.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.district }), 'forbidden');
    });

    it('forbidden: a trainer dispatching; a stranger accepting someone else\'s task', async () => {
      const { incidentId } = await reportIncident(c.city.socket);
      expectError(await command(c.trainer.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.street }), 'forbidden');
      const { taskId } = await dispatchTask(c.city.socket, incidentId, UNITS.otherStreet);
      expectError(await command(c.street.socket, { type: 'task.accept', taskId }), 'forbidden');
      expectError(await command(c.community.socket, { type: 'task.accept', taskId }), 'forbidden');
    });

    it('invalid: names the failing field', async () => {
      expectError(await command(c.city.socket, incidentBody(PLACES.huayipo, { severity: 9 })), 'invalid', 'severity');
      const { title: _dropped, ...untitled } = incidentBody();
      expectError(await command(c.city.socket, untitled), 'invalid', 'title');
      expectError(await command(c.city.socket, incidentBody([500, 29.5])), 'invalid', 'location');
      expectError(await command(c.city.socket, { type: 'task.evaluate', taskId: 'x', score: 6 }), 'invalid', 'score');
      expectError(await command(c.city.socket, { type: 'task.dispatch', incidentId: 'x', toUnit: 'abc' }), 'invalid', 'toUnit');
      expectError(await command(c.city.socket, incidentBody(PLACES.huayipo, { colour: 'red' })), 'invalid', 'colour');
      expectError(await command(c.city.socket, { type: 'incident.explode' }), 'invalid', 'type');
      expectError(await command(c.city.socket, incidentBody(), { id: 'not-a-uuid' }), 'invalid', 'id');
    });

    it('not_found: an unknown task or incident', async () => {
      expectError(await command(c.city.socket, { type: 'task.accept', taskId: 'no-such-task' }), 'not_found');
      expectError(await command(c.city.socket, { type: 'task.dispatch', incidentId: 'no-such-incident', toUnit: UNITS.street }), 'not_found');
      expectError(await command(c.city.socket, { type: 'incident.close', incidentId: 'no-such-incident' }), 'not_found');
    });

    it('conflict: an illegal transition', async () => {
      const { incidentId } = await reportIncident(c.city.socket);
      const { taskId } = await dispatchTask(c.city.socket, incidentId, UNITS.street);
      expectError(await command(c.street.socket, { type: 'task.arrive', taskId }), 'conflict');
      expectError(await command(c.city.socket, { type: 'task.evaluate', taskId, score: 3 }), 'conflict');
      await commandOk(c.street.socket, { type: 'task.accept', taskId });
      expectError(await command(c.street.socket, { type: 'task.accept', taskId }), 'conflict');
    });

    it('refused commands change nothing', async () => {
      const token = await fx.token(USERS.city);
      const before = await fetchAllEvents(fx.hub.url, token);
      expectError(await command(c.trainer.socket, { type: 'incident.close', incidentId: 'no-such-incident' }), 'forbidden');
      expectError(await command(c.city.socket, { type: 'incident.close', incidentId: 'no-such-incident' }), 'not_found');
      expectError(await command(c.city.socket, incidentBody(PLACES.huayipo, { severity: 0 })), 'invalid', 'severity');
      expect(await fetchAllEvents(fx.hub.url, token)).toEqual(before);
    });
  });
});

describeEachBackend('expired sessions', (backend) => {
  const clock = { t: Date.now() };
  const fx = useHub(backend, { now: () => clock.t, tokenTtlMs: 60_000 });

  it('refuses a command `unauthorized` once the token has expired, on an open socket too', async () => {
    const token = await fx.token(USERS.city);
    const client = await connectClient(fx.hub.url, token);
    try {
      expect((await command(client.socket, incidentBody())).ok).toBe(true);
      clock.t += 2 * 60_000;
      expectError(await command(client.socket, incidentBody()), 'unauthorized');
      const res = await http(fx.hub.url, '/api/v1/indicators', { token });
      expect(res.status).toBe(401);
      await expect(connectClient(fx.hub.url, token)).rejects.toThrow('unauthorized');
    } finally {
      client.close();
    }
  });
});
