// The error handlers on a bare fastify: a route's crash is 500 `internal`, logged with the request id.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandlers } from './errors';

describe('registerErrorHandlers', () => {
  it('turns an unexpected error into 500 internal without its details, logging it with the request id', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: false });
    registerErrorHandlers(app, (line) => lines.push(line));
    app.get('/boom', async () => {
      throw new Error('secret detail');
    });
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(response.body).not.toContain('secret detail');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^request req-\w+ GET \/boom failed: Error: secret detail/);
    await app.close();
  });

  it('keeps a client error\'s status and gives it the matching code', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandlers(app, () => undefined);
    app.get('/teapot', async () => {
      throw Object.assign(new Error('no coffee here'), { statusCode: 418 });
    });
    app.get('/gone', async () => {
      throw Object.assign(new Error('moved away'), { statusCode: 404 });
    });
    expect((await app.inject({ url: '/teapot' })).json()).toEqual({ error: { code: 'invalid', message: 'no coffee here' } });
    expect((await app.inject({ url: '/teapot' })).statusCode).toBe(418);
    expect((await app.inject({ url: '/gone' })).json()).toEqual({ error: { code: 'not_found', message: 'moved away' } });
    await app.close();
  });
});
