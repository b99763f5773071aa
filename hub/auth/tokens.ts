// Stateless bearer tokens: `base64url(json).base64url(hmac)`, with an expiry. The secret lives in
// the database, so every hub node sharing it accepts every node's tokens. No revocation (by design).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store';

export interface TokenClaims {
  /** username */
  sub: string;
  /** expiry, ms since the epoch */
  exp: number;
}

export class TokenIssuer {
  constructor(
    private readonly secret: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(username: string): { token: string; expiresAt: number } {
    const claims: TokenClaims = { sub: username, exp: this.now() + this.ttlMs };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: claims.exp };
  }

  /** The username, or undefined for a forged, malformed or expired token. */
  verify(token: unknown): string | undefined {
    if (typeof token !== 'string' || token.length > 1024) return undefined;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<TokenClaims>;
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp <= this.now()) return undefined;
      return claims.sub;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

/** The settings key of the HMAC secret every hub node sharing the database signs tokens with. */
const TOKEN_SECRET_SETTING = 'token_secret';

/** The store's token issuer; the first to ask creates the secret. */
export async function openTokenIssuer(store: Store, ttlMs: number, now: () => number = Date.now): Promise<TokenIssuer> {
  const secret = await store.settingOrInit(TOKEN_SECRET_SETTING, randomBytes(32).toString('hex'));
  return new TokenIssuer(secret, ttlMs, now);
}
