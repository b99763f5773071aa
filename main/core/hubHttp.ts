import { CoreError } from './coreError';

/** HTTP to the hub with a timeout; a network failure becomes `CoreError('unavailable')`. */
export async function hubRequest(hubUrl: string, path: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(new URL(path, hubUrl), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new CoreError('unavailable', `hub unreachable: ${whyUnreachable(error, timeoutMs)}`);
  }
}

/** What an operator can act on: `ECONNREFUSED`, `ENOTFOUND`, a timeout; fetch's own message says only "fetch failed". */
function whyUnreachable(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

export function postLogin(hubUrl: string, username: string, password: string, timeoutMs: number): Promise<Response> {
  return hubRequest(
    hubUrl,
    '/api/v1/login',
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) },
    timeoutMs,
  );
}

export function getWithToken(hubUrl: string, path: string, token: string, timeoutMs: number): Promise<Response> {
  return hubRequest(hubUrl, path, { headers: { authorization: `Bearer ${token}` } }, timeoutMs);
}
