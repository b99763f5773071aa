import type { ErrorCode } from '../../shared/protocol/common';

/**
 * An error a shell can hand back to a view as `{code, message}`: the codes are the wire
 * contract's error codes, `field` names the failing argument when validation refused it.
 */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

/** The `{code, message}` body for any thrown value (unknown errors become `internal`). */
export function errorBody(error: unknown): { code: ErrorCode; message: string } {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
