import { randomUUID } from 'node:crypto';
import type { CommandAck, CommandInput } from '../../../shared/protocol/commands';
import type { HubEvent } from '../../../shared/protocol/events';
import type { Snapshot } from '../../../shared/state/wallState';

/**
 * A second hub client for end-to-end tests: plays other operators through the HTTP command
 * path and reads the hub's own record of events, to compare with what a wall received.
 */
export class HubClient {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async login(url: string, username: string, password = 'demo'): Promise<HubClient> {
    const response = await fetch(`${url}/api/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
    return new HubClient(url, ((await response.json()) as { token: string }).token);
  }

  /** The same client against a restarted hub (tokens survive: the secret is in the store). */
  at(url: string): HubClient {
    return new HubClient(url, this.token);
  }

  async command(body: CommandInput, id: string = randomUUID()): Promise<CommandAck> {
    const response = await fetch(`${this.url}/api/v1/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ ...body, id }),
    });
    return (await response.json()) as CommandAck;
  }

  /** Like `command` but throws unless the hub accepted it. */
  async must(body: CommandInput): Promise<Extract<CommandAck, { ok: true }>> {
    const ack = await this.command(body);
    if (!ack.ok) throw new Error(`${body.type} refused: ${ack.error.code} ${ack.error.message}`);
    return ack;
  }

  /** GET a hub path with this client's token. */
  async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.url}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  }

  /** The state now (or at `at`), scoped to this user, as `GET /api/v1/snapshot` answers it. */
  snapshot(at?: string): Promise<Snapshot> {
    return this.get(`/api/v1/snapshot${at ? `?at=${encodeURIComponent(at)}` : ''}`);
  }

  /** Every event of this user's scope, following `next` through all pages. */
  async allEvents(): Promise<HubEvent[]> {
    const events: HubEvent[] = [];
    let since: number | null = 0;
    while (since !== null) {
      const response = await fetch(`${this.url}/api/v1/events?since=${since}&limit=5000`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (!response.ok) throw new Error(`events: ${response.status}`);
      const page = (await response.json()) as { events: HubEvent[]; next: number | null };
      events.push(...page.events);
      since = page.next;
    }
    return events;
  }
}

/** 渝中区 (500103) and a place outside it, for scoping. */
export const IN_YUZHONG: [number, number] = [106.57, 29.55];
export const OUTSIDE_YUZHONG: [number, number] = [106.45, 29.56];

/**
 * A task's whole life across two centres: the city reports and dispatches to 渝中区, the
 * district accepts, arrives and reports back, the city closes and evaluates.
 */
export async function playTaskLife(city: HubClient, district: HubClient, title: string, location = IN_YUZHONG): Promise<void> {
  const { incidentId } = await city.must({ type: 'incident.report', title, kind: 'flood', board: 'emergency', severity: 2, location });
  const { taskId } = await city.must({ type: 'task.dispatch', incidentId: incidentId!, toUnit: '500103', note: '请核实' });
  await district.must({ type: 'task.accept', taskId: taskId! });
  await district.must({ type: 'task.arrive', taskId: taskId! });
  await district.must({ type: 'task.feedback', taskId: taskId!, text: '已处置' });
  await city.must({ type: 'task.close', taskId: taskId! });
  await city.must({ type: 'task.evaluate', taskId: taskId!, score: 5 });
}
