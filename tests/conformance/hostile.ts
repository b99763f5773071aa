// Generators of malformed command payloads for the hostile-payload suite. Whether a payload is
// malformed is decided by the shared schema itself, so the suite cannot drift from the contract.
import { randomUUID } from 'node:crypto';
import { Command } from '../../shared/protocol/commands';
import { PLACES, UNITS } from './fixtures';

export interface HostilePayload {
  label: string;
  payload: unknown;
}

/** A schema-valid body of each command type (ids point nowhere; only the shape matters). */
export function validBodies(): Record<string, unknown>[] {
  const taskId = 'task-that-does-not-exist';
  const incidentId = 'incident-that-does-not-exist';
  return [
    { type: 'incident.report', title: '山体滑坡', kind: 'landslide', board: 'emergency', severity: 2, location: PLACES.huayipo, source: 'grid' },
    { type: 'incident.update', incidentId, title: '更新', severity: 3 },
    { type: 'incident.close', incidentId },
    { type: 'task.dispatch', incidentId, toUnit: UNITS.street, note: '核查', deadline: '2030-01-01T00:00:00Z' },
    { type: 'task.accept', taskId },
    { type: 'task.return', taskId, reason: '不属于本单位' },
    { type: 'task.redispatch', taskId, toUnit: UNITS.community, note: '转派' },
    { type: 'task.arrive', taskId },
    { type: 'task.feedback', taskId, text: '处置完毕' },
    { type: 'task.close', taskId },
    { type: 'task.evaluate', taskId, score: 4 },
    { type: 'task.escalate', taskId, reason: '力量不足' },
  ];
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Values of the wrong type or shape for any field. */
const POISON: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a negative fraction', -1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['true', true],
  ['an empty string', ''],
  ['a blank string', '   '],
  ['an array', ['a', 'b']],
  ['an object', { nested: 1 }],
  ['a 20 KiB string', 'x'.repeat(20 * 1024)],
  ['SQL injection', "'; DROP TABLE events; --"],
  ['a script tag', '<script>alert(1)</script>'],
  ['a NUL byte', 'a\u0000b'],
  ['deep nesting', deeplyNested(500)],
  ['a prototype key', JSON.parse('{"__proto__":{"polluted":true}}')],
];

/** What actually travels: socket.io serialises like JSON (NaN and Infinity become null). */
export function asSent(payload: unknown): unknown {
  return payload === undefined ? null : JSON.parse(JSON.stringify(payload) ?? 'null');
}

export function isValidCommand(payload: unknown): boolean {
  return Command.safeParse(asSent(payload)).success;
}

/** A few hundred malformed commands: each one the shared schema rejects. */
export function malformedCommands(): HostilePayload[] {
  const out: HostilePayload[] = [];
  for (const body of validBodies()) {
    const type = String(body.type);
    const valid: Record<string, unknown> = { id: randomUUID(), ...body };
    for (const field of Object.keys(valid)) {
      const { [field]: _gone, ...missing } = valid;
      out.push({ label: `${type} without ${field}`, payload: { ...missing, id: field === 'id' ? undefined : randomUUID() } });
      for (const [what, value] of POISON) {
        out.push({ label: `${type} with ${field} = ${what}`, payload: { ...valid, id: field === 'id' ? value : randomUUID(), [field]: value } });
      }
    }
    out.push({ label: `${type} with an extra field`, payload: { ...valid, id: randomUUID(), extra: 1 } });
    out.push({ label: `${type} with an admin flag`, payload: { ...valid, id: randomUUID(), admin: true, by: 'root' } });
  }
  const uuidLike = ['not-a-uuid', '00000000-0000-0000-0000-00000000000g', `${randomUUID()}x`, randomUUID().replaceAll('-', ''), ' ' + randomUUID()];
  for (const id of uuidLike) out.push({ label: `a bad uuid ${JSON.stringify(id)}`, payload: { ...validBodies()[0], id } });
  for (const type of ['incident.explode', 'task.delete', 'TASK.ACCEPT', '', 'constructor', '__proto__', 'admin.grant']) {
    out.push({ label: `unknown type ${JSON.stringify(type)}`, payload: { id: randomUUID(), type, taskId: 'x' } });
  }
  const nonObjects: [string, unknown][] = [
    ['null', null],
    ['a number', 7],
    ['a string', 'incident.report'],
    ['an array', [{ id: randomUUID(), ...validBodies()[0] }]],
    ['true', true],
    ['an empty object', {}],
    ['deep nesting', deeplyNested(1_500)],
  ];
  for (const [what, payload] of nonObjects) out.push({ label: `a payload that is ${what}`, payload });
  out.push({ label: 'a 40 KiB body over the 16 KiB cap', payload: { id: randomUUID(), ...validBodies()[0], title: '标'.repeat(40 * 1024 / 3) } });
  out.push({ label: 'a 300 KiB feedback', payload: { id: randomUUID(), type: 'task.feedback', taskId: 'x', text: 'y'.repeat(300 * 1024) } });
  return out.filter((p) => !isValidCommand(p.payload));
}
