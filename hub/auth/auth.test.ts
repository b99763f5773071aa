import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './loginLimiter';
import { hashPassword, verifyPassword } from './passwords';
import { TokenIssuer } from './tokens';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('s3cret-密码');
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain('s3cret');
    expect(await verifyPassword('s3cret-密码', hash)).toBe(true);
    expect(await verifyPassword('s3cret', hash)).toBe(false);
    expect(await verifyPassword('s3cret-密码', 'garbage')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});

describe('tokens', () => {
  it('accept their own token until it expires', () => {
    let now = 1_000_000;
    const issuer = new TokenIssuer('secret', 60_000, () => now);
    const { token, expiresAt } = issuer.issue('city-duty');
    expect(expiresAt).toBe(1_060_000);
    expect(issuer.verify(token)).toBe('city-duty');
    now = 1_059_999;
    expect(issuer.verify(token)).toBe('city-duty');
    now = 1_060_000;
    expect(issuer.verify(token)).toBeUndefined();
  });

  it('refuse forged, tampered and malformed tokens', () => {
    const issuer = new TokenIssuer('secret', 60_000, () => 0);
    const other = new TokenIssuer('other', 60_000, () => 0);
    const token = issuer.issue('trainer').token;
    expect(other.verify(token)).toBeUndefined();
    const [body, signature] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ sub: 'admin', exp: 9e15 })).toString('base64url');
    expect(issuer.verify(`${forgedBody}.${signature}`)).toBeUndefined();
    expect(issuer.verify(`${body}.`)).toBeUndefined();
    expect(issuer.verify(`${body}.${signature}.x`)).toBeUndefined();
    expect(issuer.verify(42)).toBeUndefined();
  });
});

describe('login limiter', () => {
  it('limits a username from one address after 10 failures in a minute, then forgives', () => {
    let now = 0;
    const limiter = new LoginLimiter(() => now);
    for (let i = 0; i < 9; i++) limiter.recordFailure('city-duty', '10.0.0.1');
    expect(limiter.isLimited('city-duty', '10.0.0.1')).toBe(false);
    limiter.recordFailure('city-duty', '10.0.0.1');
    expect(limiter.isLimited('city-duty', '10.0.0.1')).toBe(true);
    expect(limiter.isLimited('city-duty', '10.0.0.2')).toBe(false);
    expect(limiter.isLimited('trainer', '10.0.0.1')).toBe(false);
    now = 60_001;
    expect(limiter.isLimited('city-duty', '10.0.0.1')).toBe(false);
  });
});
