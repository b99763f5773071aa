// Two hub nodes on one PostgreSQL database and one Redis: a client on either node gets every
// event, from both, once and in seq order. Runs when HUB_TEST_DATABASE_URL and HUB_TEST_REDIS_URL are set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { startHub, type RunningHub } from '../server';

const databaseUrl = process.env.HUB_TEST_DATABASE_URL;
const redisUrl = process.env.HUB_TEST_REDIS_URL;

describe.skipIf(!databaseUrl || !redisUrl)('two hub nodes (PostgreSQL + Redis)', () => {
  const nodes: RunningHub[] = [];
  const sockets: Socket[] = [];
  let dataDir: string;
  let dbUrl: string;
  let dbName: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'hub-cluster-'));
    dbName = `cluster_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(databaseUrl!);
    url.pathname = `/${dbName}`;
    dbUrl = url.toString();
    for (const name of ['a', 'b']) {
      nodes.push(await startHub({ port: 0, dataDir: path.join(dataDir, name), databaseUrl: dbUrl, redisUrl: redisUrl!, demo: true, simulator: false, logger: false }));
    }
  });

  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await Promise.all(nodes.map((n) => n.close()));
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers events appended on both nodes to clients of both, in order, without gaps', async () => {
    const login = await fetch(`${nodes[0]!.url}/api/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city-duty', password: 'demo' }) });
    const { token } = (await login.json()) as { token: string };
    const streams = await Promise.all(
      nodes.map(async (node) => {
        const received: HubEvent[] = [];
        const socket = connect(node.url, { auth: { token, since: 0 }, transports: ['websocket'], reconnection: false });
        sockets.push(socket);
        socket.on('event', (e: HubEvent) => received.push(e));
        socket.on('events', (es: HubEvent[]) => received.push(...es));
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        return received;
      }),
    );
    const appended = await Promise.all(
      Array.from({ length: 60 }, (_, i) => nodes[i % 2]!.appendSystemEvent({ type: 'camera.status', cameraId: `cam-${i}`, status: 'online' })),
    );
    const last = Math.max(...appended.map((e) => e.seq));
    const deadline = Date.now() + 5000;
    while (streams.some((s) => s.at(-1)?.seq !== last) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const received of streams) expect(received.map((e) => e.seq)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
  });
});
