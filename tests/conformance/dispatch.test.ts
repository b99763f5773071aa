// PROTOCOL.md, Dispatch (extension): the dispatch proposal, a lead with cooperating units, the
// SLA from a rules file (HUB_DISPATCH_RULES), and a hub that refuses a bad rules file.
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hubOptionsFromEnv } from '../../hub/config';
import { CommandAck, CommandAckOk } from '../../shared/protocol/commands';
import { ErrorResponse } from '../../shared/protocol/common';
import { DispatchProposal } from '../../shared/protocol/dispatch';
import type { HubEvent } from '../../shared/protocol/events';
import { describeEachBackend, useHub } from '../support/backends';
import { command, commandOk, schemaRejections } from '../support/client';
import { runHubUntilExit, fetchAllEvents, http, tempDir } from '../support/hub';
import { PLACES, UNITS, USERS, reportIncident, useClients } from './fixtures';

afterAll(() => expect(schemaRejections).toEqual([]));

const files = tempDir('dispatch-rules-');
afterAll(() => rmSync(files, { recursive: true, force: true }));

/** Three seconds to accept, at every severity; the SLA clock looks every 200 ms. */
const shortSla = { accept: 0.05, arrive: 60, close: 120 };
const shortRulesFile = path.join(files, 'short-sla.json');
writeFileSync(shortRulesFile, JSON.stringify({ sla: { 1: shortSla, 2: shortSla, 3: shortSla, 4: shortSla } }));

const proposalPath = (incidentId: string) => `/api/v1/incidents/${encodeURIComponent(incidentId)}/dispatch-proposal`;

describeEachBackend('dispatch', (backend) => {
  const fx = useHub(backend);
  const c = useClients(fx, ['city', 'trainer', 'district', 'street', 'community']);

  describe('GET /api/v1/incidents/:id/dispatch-proposal', () => {
    it('proposes, for the caller’s centre, a lead one level down and the cooperating units of the rule', async () => {
      const { incidentId } = await reportIncident(c.city.socket, PLACES.huayipo, { severity: 2 });
      const fromCity = await http(fx.hub.url, proposalPath(incidentId), { token: await fx.token(USERS.city) });
      expect(fromCity.status).toBe(200);
      const proposal = DispatchProposal.parse(fromCity.body);
      expect(proposal).toMatchObject({
        incidentId,
        rule: expect.any(String),
        lead: { code: UNITS.district, level: 'district', name: '渝中区' },
        cooperating: [{ code: UNITS.street, level: 'street', name: '七星岗街道' }],
        sla: { accept: 10, arrive: 45, close: 180 },
      });
      expect(proposal.reason).toContain('渝中区');

      const severe = await reportIncident(c.city.socket, PLACES.huayipo, { severity: 1, kind: 'fire' });
      const fromDistrict = DispatchProposal.parse((await http(fx.hub.url, proposalPath(severe.incidentId), { token: await fx.token(USERS.district) })).body);
      expect(fromDistrict.lead.code).toBe(UNITS.street);
      expect(fromDistrict.cooperating.map((u) => u.level)).toEqual(['community', 'grid']);
      expect(fromDistrict.cooperating[0]!.code).toBe(UNITS.community);
      expect(fromDistrict.sla).toEqual({ accept: 5, arrive: 20, close: 60 });
    });

    it('404 for an unknown incident; 403 for a trainer and for an incident outside a district’s area', async () => {
      const unknown = await http(fx.hub.url, proposalPath('no-such-incident'), { token: await fx.token(USERS.city) });
      expect(unknown.status).toBe(404);
      expect(ErrorResponse.parse(unknown.body).error.code).toBe('not_found');

      const { incidentId } = await reportIncident(c.city.socket, PLACES.yubei);
      const trainer = await http(fx.hub.url, proposalPath(incidentId), { token: await fx.token(USERS.trainer) });
      expect(trainer.status).toBe(403);
      expect(ErrorResponse.parse(trainer.body).error.code).toBe('forbidden');
      const outside = await http(fx.hub.url, proposalPath(incidentId), { token: await fx.token(USERS.district) });
      expect(outside.status).toBe(403);
      expect(ErrorResponse.parse(outside.body).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining(UNITS.district) });
      expect((await http(fx.hub.url, proposalPath(incidentId))).status).toBe(401);
    });
  });

  describe('task.dispatch with cooperating units', () => {
    it('gives the lead and each cooperating unit its own task and event; theirs name the lead’s task', async () => {
      const { incidentId } = await reportIncident(c.city.socket, PLACES.huayipo, { severity: 1 });
      const ack = await commandOk(c.district.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.street, cooperating: [UNITS.community, UNITS.otherStreet], note: '联合处置' });
      expect(CommandAck.parse(ack)).toMatchObject({ ok: true, seq: expect.any(Number), taskId: expect.any(String) });
      const taskIds = CommandAckOk.parse(ack).taskIds ?? [];
      const [lead, community, otherStreet] = taskIds;
      expect(taskIds).toHaveLength(3);
      expect(lead).toBe(ack.taskId);

      const dispatched = (taskId: string | undefined) => (e: HubEvent) => e.type === 'task.dispatched' && e.taskId === taskId;
      expect(await c.street.waitFor(dispatched(lead))).toMatchObject({ toUnit: UNITS.street, fromUnit: UNITS.district, note: '联合处置' });
      expect(await c.street.waitFor(dispatched(lead))).not.toHaveProperty('leadTaskId');
      expect(await c.community.waitFor(dispatched(community))).toMatchObject({ toUnit: UNITS.community, leadTaskId: lead });
      expect(await c.district.waitFor(dispatched(otherStreet))).toMatchObject({ toUnit: UNITS.otherStreet, leadTaskId: lead });
      // The ack's seq is the last of the three: a client holding it holds them all.
      const seqs = await Promise.all([lead, community, otherStreet].map(async (id) => (await c.city.waitFor(dispatched(id))).seq));
      expect(ack.seq).toBe(Math.max(...seqs));

      // Each unit works its own task.
      await commandOk(c.community.socket, { type: 'task.accept', taskId: community });
      await commandOk(c.street.socket, { type: 'task.accept', taskId: lead });
    });

    it('refuses it all when one cooperating unit is outside the caller’s subtree', async () => {
      const { incidentId } = await reportIncident(c.city.socket, PLACES.huayipo);
      const ack = await command(c.district.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.street, cooperating: [UNITS.community, UNITS.otherDistrict] });
      expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('cooperating.1') } });
      const events: HubEvent[] = await fetchAllEvents(fx.hub.url, await fx.token(USERS.city), 0);
      expect(events.filter((e) => e.type === 'task.dispatched' && e.incidentId === incidentId)).toEqual([]);
    });

    it('a replayed command id answers the same ack, over the socket and over HTTP, and creates nothing new', async () => {
      const { incidentId } = await reportIncident(c.city.socket, PLACES.huayipo);
      const id = randomUUID();
      const body = { type: 'task.dispatch', incidentId, toUnit: UNITS.district, cooperating: [UNITS.street] };
      const first = await command(c.city.socket, body, { id });
      expect(first).toMatchObject({ ok: true, taskIds: [expect.any(String), expect.any(String)] });
      expect(await command(c.city.socket, body, { id })).toEqual(first);
      const overHttp = await http(fx.hub.url, '/api/v1/commands', { token: await fx.token(USERS.city), json: { id, ...body } });
      expect(overHttp.body).toEqual(first);
      const events: HubEvent[] = await fetchAllEvents(fx.hub.url, await fx.token(USERS.city), 0);
      expect(events.filter((e) => e.type === 'task.dispatched' && e.incidentId === incidentId)).toHaveLength(2);
    });
  });
});

describeEachBackend('dispatch under a rules file with a short SLA', (backend) => {
  // The options `serve` builds from its environment; only these two matter here.
  const { dispatchRulesFile, slaTickMs } = hubOptionsFromEnv({ HUB_DISPATCH_RULES: shortRulesFile, HUB_SLA_TICK_MS: '200' });
  const fx = useHub(backend, { ...(dispatchRulesFile ? { dispatchRulesFile } : {}), ...(slaTickMs ? { slaTickMs } : {}) });
  const c = useClients(fx, ['city']);

  it('a task nobody accepts is overdue and escalated by system to the assignee’s parent within seconds', async () => {
    const { incidentId } = await reportIncident(c.city.socket, PLACES.huayipo, { severity: 3 });
    const proposal = DispatchProposal.parse((await http(fx.hub.url, proposalPath(incidentId), { token: await fx.token(USERS.city) })).body);
    expect(proposal.sla).toEqual(shortSla);
    const ack = await commandOk(c.city.socket, { type: 'task.dispatch', incidentId, toUnit: UNITS.district, cooperating: [UNITS.street] });
    const started = Date.now();
    const [lead, street] = CommandAckOk.parse(ack).taskIds ?? [];
    const expectations: [string, string][] = [[lead!, UNITS.city], [street!, UNITS.district]];
    for (const [taskId, parent] of expectations) {
      const overdue = await c.city.waitFor((e) => e.type === 'task.overdue' && e.taskId === taskId, 10_000, `task.overdue of ${taskId}`);
      expect(overdue).toMatchObject({ step: 'accept', by: 'system' });
      const escalated = await c.city.waitFor((e) => e.type === 'task.escalated' && e.taskId === taskId, 10_000, `task.escalated of ${taskId}`);
      expect(escalated).toMatchObject({ by: 'system', state: 'escalated', toUnit: parent });
    }
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe('a hub given a bad rules file', () => {
  it('exits at start with a message naming the file and the field', async () => {
    const bad = path.join(files, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ id: 'flood', kinds: ['flood'], lead: 'district' }, { id: 'rest', lead: 'village' }] }));
    const { code, output } = await runHubUntilExit(path.join(files, 'hub'), { HUB_DISPATCH_RULES: bad });
    expect(code, output).toBe(1);
    expect(output).toContain(`hub: HUB_DISPATCH_RULES ${bad}: rules.1.lead: Invalid option`);
  }, 60_000);
});
