import { z } from 'zod';
import { Board, ErrorBody, IsoTime, LngLat, Severity } from './common';
import { UnitCode } from './units';

const text = (max: number) => z.string().trim().min(1).max(max);
const taskId = z.string().min(1).max(64);

/** Command bodies, before the client stamps an id. Strict: an unknown field is an error. */
export const IncidentReport = z.strictObject({
  type: z.literal('incident.report'),
  title: text(200),
  kind: text(40),
  board: Board,
  severity: Severity,
  location: LngLat,
  source: text(40).optional(),
});
export const IncidentUpdate = z.strictObject({
  type: z.literal('incident.update'),
  incidentId: z.string().min(1).max(64),
  title: text(200).optional(),
  severity: Severity.optional(),
});
export const IncidentClose = z.strictObject({ type: z.literal('incident.close'), incidentId: z.string().min(1).max(64) });
export const TaskDispatch = z.strictObject({
  type: z.literal('task.dispatch'),
  incidentId: z.string().min(1).max(64),
  toUnit: UnitCode,
  note: z.string().max(500).optional(),
  deadline: IsoTime.optional(),
  /**
   * Extension: units that work the incident beside `toUnit` (the lead), each given its own task
   * in the same transaction; a big incident takes a lead and several cooperating units.
   */
  cooperating: z.array(UnitCode).min(1).max(12).optional(),
});
export const TaskAccept = z.strictObject({ type: z.literal('task.accept'), taskId });
export const TaskReturn = z.strictObject({ type: z.literal('task.return'), taskId, reason: text(500) });
export const TaskRedispatch = z.strictObject({
  type: z.literal('task.redispatch'),
  taskId,
  toUnit: UnitCode,
  note: z.string().max(500).optional(),
});
export const TaskArrive = z.strictObject({ type: z.literal('task.arrive'), taskId });
export const TaskFeedbackCmd = z.strictObject({ type: z.literal('task.feedback'), taskId, text: text(2000) });
export const TaskClose = z.strictObject({ type: z.literal('task.close'), taskId });
export const TaskEvaluate = z.strictObject({ type: z.literal('task.evaluate'), taskId, score: z.number().int().min(1).max(5) });
export const TaskEscalate = z.strictObject({ type: z.literal('task.escalate'), taskId, reason: z.string().max(500).optional() });

const BODIES = [
  IncidentReport,
  IncidentUpdate,
  IncidentClose,
  TaskDispatch,
  TaskAccept,
  TaskReturn,
  TaskRedispatch,
  TaskArrive,
  TaskFeedbackCmd,
  TaskClose,
  TaskEvaluate,
  TaskEscalate,
] as const;

export const CommandInput = z.discriminatedUnion('type', BODIES);
/** What a view or the simulator asks for; the outbox adds the id. */
export type CommandInput = z.infer<typeof CommandInput>;
export type CommandType = CommandInput['type'];
export const COMMAND_TYPES = BODIES.map((b) => b.shape.type.value) as CommandType[];

export const CommandId = z.uuid();

/** What travels on the wire: a body plus its client-generated id. */
export type Command = CommandInput & { id: string };
const withIds = BODIES.map((b) => b.extend({ id: CommandId }));
export const Command = z.discriminatedUnion('type', withIds as unknown as [typeof withIds[number], ...typeof withIds]) as unknown as z.ZodType<Command>;

export const CommandAckOk = z.looseObject({
  ok: z.literal(true),
  seq: z.number().int().positive(),
  incidentId: z.string().optional(),
  taskId: z.string().optional(),
  /** `task.dispatch` with cooperating units: the lead's task first, then one per cooperating unit. */
  taskIds: z.array(z.string()).optional(),
});
export const CommandAckError = z.object({ ok: z.literal(false), error: ErrorBody });
export const CommandAck = z.union([CommandAckOk, CommandAckError]);
export type CommandAck = z.infer<typeof CommandAck>;

/** Hard cap on one command's JSON size; anything larger is refused unread. */
export const MAX_COMMAND_BYTES = 16 * 1024;
