// Shared facts for the conformance suite: demo accounts, places, and command bodies.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll } from 'vitest';
import type { HubFixture } from '../support/backends';
import { commandOk, connectClient, type EventClient } from '../support/client';

export const USERS = {
  city: 'city-duty',
  leader: 'city-leader',
  trainer: 'trainer',
  district: 'd500103-duty',
  street: 's500103001-duty',
  community: 'c500103001003-duty',
} as const;

export const UNITS = {
  city: '500000',
  district: '500103', // 渝中区
  street: '500103001', // 七星岗街道
  community: '500103001003', // 华一坡社区
  otherStreet: '500103003', // 解放碑街道
  otherDistrict: '500112', // 渝北区
} as const;

/** Points whose containing chain is known. */
export const PLACES = {
  /** Centroid of 华一坡社区: city, 渝中区, 七星岗街道, 华一坡社区, a grid. */
  huayipo: [106.569643, 29.553898] as [number, number],
  /** Centroid of 渝北区. */
  yubei: [106.747849, 29.810639] as [number, number],
};

let counter = 0;

export function incidentBody(location: [number, number] = PLACES.huayipo, overrides: Record<string, unknown> = {}) {
  return {
    type: 'incident.report',
    title: `conformance incident ${++counter}`,
    kind: 'flood',
    board: 'emergency',
    severity: 2,
    location,
    source: 'test',
    ...overrides,
  };
}

export async function reportIncident(socket: Socket, location: [number, number] = PLACES.huayipo, overrides: Record<string, unknown> = {}) {
  const ack = await commandOk(socket, incidentBody(location, overrides));
  if (!ack.incidentId) throw new Error('incident.report ack has no incidentId');
  return { seq: ack.seq, incidentId: ack.incidentId };
}

export async function dispatchTask(socket: Socket, incidentId: string, toUnit: string, extra: Record<string, unknown> = {}) {
  const ack = await commandOk(socket, { type: 'task.dispatch', incidentId, toUnit, ...extra });
  if (!ack.taskId) throw new Error('task.dispatch ack has no taskId');
  return { seq: ack.seq, taskId: ack.taskId };
}


export type Who = keyof typeof USERS;

/** One live socket per demo account for the block's tests, opened after the hub starts. */
export function useClients(fx: HubFixture, who: readonly Who[] = Object.keys(USERS) as Who[]): Record<Who, EventClient> {
  const clients = {} as Record<Who, EventClient>;
  beforeAll(async () => {
    for (const name of who) clients[name] = await connectClient(fx.hub.url, await fx.token(USERS[name]), { since: 0 });
  }, 30_000);
  afterAll(() => {
    for (const client of Object.values(clients)) client.close();
  });
  return clients;
}
