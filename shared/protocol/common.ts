import { z } from 'zod';

/** ISO-8601 instant as it travels on the wire. */
export const IsoTime = z.iso.datetime({ offset: true });

/** [longitude, latitude] in WGS-84 degrees. */
export const LngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export type LngLat = z.infer<typeof LngLat>;

/** The six boards (板块) that group indicators and cases; see FIELD.md. */
export const BOARDS = ['facility', 'services', 'ecology', 'governance', 'emergency', 'civilisation'] as const;
export const Board = z.enum(BOARDS);
export type Board = z.infer<typeof Board>;

/** 1 is the most severe, 4 the least. */
export const Severity = z.number().int().min(1).max(4);
export type Severity = z.infer<typeof Severity>;

export const ROLES = ['duty', 'leader', 'trainer', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ERROR_CODES = ['unauthorized', 'forbidden', 'invalid', 'not_found', 'conflict', 'rate_limited', 'unavailable', 'internal'] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({ code: ErrorCode, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** The HTTP error envelope: `{"error":{"code","message"}}`. */
export const ErrorResponse = z.object({ error: ErrorBody });
