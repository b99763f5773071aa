import type { z } from 'zod';

/** "field.path: message" for the first failing field: what a rejection log line says. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Parse at an edge: a value, or the failing field and a readable message. Never throws. */
export function parseAtEdge<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return {
    ok: false,
    field: issue && issue.path.length ? issue.path.join('.') : '(root)',
    message: describeIssue(result.error),
  };
}
