// GET /api/v1/incidents/:id/dispatch-proposal on an in-process hub started the way `serve` starts
// it (options from the environment, HUB_DISPATCH_RULES included), and a hub that will not start
// on a bad rules file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DispatchProposal } from '../../shared/protocol/dispatch';
import { ErrorResponse } from '../../shared/protocol/common';
import { hubOptionsFromEnv } from '../config';
import { startHub, type RunningHub } from '../server';

const dir = mkdtempSync(path.join(tmpdir(), 'hub-dispatch-routes-'));
const rulesFile = path.join(dir, 'rules.json');
writeFileSync(rulesFile, JSON.stringify({ rules: [{ id: 'gas', kinds: ['gas'], lead: 'street', sla: { accept: 1, arrive: 2, close: 3 } }, { id: 'rest', lead: 'next' }] }));
let hub: RunningHub;
const tokens = new Map<string, string>();

async function get(url: string, username = 'city-duty') {
  const response = await fetch(`${hub.url}${url}`, { headers: { authorization: `Bearer ${tokens.get(username) ?? ''}` } });
  return { status: response.status, body: (await response.json()) as unknown };
}
async function report(kind: string, severity = 2): Promise<string> {
  const ack = await hub.execute({ username: 'city-duty', unit: '500000', roles: ['duty'] }, {
    id: randomUUID(), type: 'incident.report', title: '燃气泄漏', kind, board: 'emergency', severity, location: [106.569643, 29.553898],
  });
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.incidentId!;
}

beforeAll(async () => {
  const options = hubOptionsFromEnv({ HUB_DATA_DIR: path.join(dir, 'hub'), HUB_PORT: '0', HUB_DEMO: '1', HUB_DEMO_PASSWORD: 'pw-1', HUB_SIMULATOR: '0', HUB_DISPATCH_RULES: rulesFile, HUB_SLA_TICK_MS: '250' });
  expect(options).toMatchObject({ dispatchRulesFile: rulesFile, slaTickMs: 250 });
  hub = await startHub({ ...options, logger: false });
  for (const username of ['city-duty', 'd500103-duty', 'trainer']) {
    const response = await fetch(`${hub.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'pw-1' }) });
    tokens.set(username, ((await response.json()) as { token: string }).token);
  }
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/v1/incidents/:id/dispatch-proposal', () => {
  it('answers the shared DispatchProposal, from the rules file', async () => {
    const gas = await report('gas');
    const { status, body } = await get(`/api/v1/incidents/${gas}/dispatch-proposal`);
    expect(status).toBe(200);
    expect(DispatchProposal.parse(body)).toEqual({
      incidentId: gas,
      rule: 'gas',
      reason: '2级事件「燃气泄漏」由七星岗街道牵头处置；1分钟内接收，2分钟内到场，3分钟内办结。',
      lead: { code: '500103001', level: 'street', name: '七星岗街道' },
      cooperating: [],
      sla: { accept: 1, arrive: 2, close: 3 },
    });
    const fire = await report('fire');
    const fromDistrict = await get(`/api/v1/incidents/${fire}/dispatch-proposal`, 'd500103-duty');
    expect(DispatchProposal.parse(fromDistrict.body)).toMatchObject({ rule: 'rest', lead: { code: '500103001' }, sla: { accept: 10, arrive: 45, close: 180 } });
  });

  it('404 for an unknown incident, 403 for a trainer, 401 without a token', async () => {
    const unknown = await get('/api/v1/incidents/no-such-incident/dispatch-proposal');
    expect(unknown.status).toBe(404);
    expect(ErrorResponse.parse(unknown.body).error.code).toBe('not_found');
    const trainer = await get(`/api/v1/incidents/${await report('fire')}/dispatch-proposal`, 'trainer');
    expect(trainer.status).toBe(403);
    expect(ErrorResponse.parse(trainer.body).error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('trainer') });
    expect((await get(`/api/v1/incidents/x/dispatch-proposal`, 'nobody')).status).toBe(401);
  });
});

describe('a bad rules file', () => {
  it('stops the hub before it opens anything, naming the file and the field', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ id: 'a', lead: 'village' }] }));
    const options = hubOptionsFromEnv({ HUB_DATA_DIR: path.join(dir, 'never'), HUB_PORT: '0', HUB_DISPATCH_RULES: bad });
    await expect(startHub({ ...options, logger: false })).rejects.toThrow(`HUB_DISPATCH_RULES ${bad}: rules.0.lead: Invalid option`);
  });
});
