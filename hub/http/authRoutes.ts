// Login (rate limited per username and address) and the bearer-token guard for /api/v1/*.
import type { FastifyInstance } from 'fastify';
import { LoginRequest, type LoginResponse } from '../../shared/protocol/auth';
import { levelOfCode } from '../../shared/domain/units';
import { parseAtEdge } from '../../shared/validation';
import { checkCredentials } from '../auth/accounts';
import type { HttpContext } from './context';
import { sendError } from './errors';

const PUBLIC = new Set(['/api/v1/login']);

export function registerAuth(app: FastifyInstance, ctx: HttpContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/v1/') || PUBLIC.has(path)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match?.[1] ? await ctx.authenticate(match[1]) : undefined;
    if (!principal) return sendError(reply, 'unauthorized', match ? 'the token is invalid or has expired' : 'missing bearer token');
    request.principal = principal;
  });

  app.post('/api/v1/login', async (request, reply) => {
    const parsed = parseAtEdge(LoginRequest, request.body);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const { username, password } = parsed.value;
    if (ctx.limiter.isLimited(username, request.ip)) return sendError(reply, 'rate_limited', 'too many failed logins; wait a minute');
    const principal = await checkCredentials(ctx.store, username, password);
    if (!principal) {
      ctx.limiter.recordFailure(username, request.ip);
      return sendError(reply, 'unauthorized', 'wrong username or password');
    }
    ctx.limiter.recordSuccess(username, request.ip);
    const { token, expiresAt } = ctx.tokens.issue(principal.username);
    const unit = ctx.hierarchy.get(principal.unit);
    const body: LoginResponse = {
      token,
      user: { username: principal.username, roles: principal.roles },
      unit: { code: principal.unit, level: unit?.level ?? levelOfCode(principal.unit), name: unit?.name ?? principal.unit },
      expiresAt: new Date(expiresAt).toISOString(),
    };
    return body;
  });

  /** Extension: who the token belongs to. */
  app.get('/api/v1/me', async (request) => {
    const principal = request.principal!;
    return { user: { username: principal.username, roles: principal.roles }, unit: ctx.hierarchy.get(principal.unit) ?? { code: principal.unit } };
  });
}
