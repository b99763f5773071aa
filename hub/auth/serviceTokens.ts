// Tokens for many centres at once, without a login each (bench:hub connects all 12,342): one duty
// account `bench-<code>` per unit, created if missing in one transaction with a password hash no
// password matches, and a token for each signed with the hub's own secret from the same store.
import { z } from 'zod';
import type { Role } from '../../shared/protocol/common';
import { UnitCode } from '../../shared/protocol/units';
import { loadHierarchy } from '../hierarchy';
import type { Store } from '../store/store';
import { lockedPasswordHash } from './passwords';
import { openTokenIssuer } from './tokens';

export interface ServiceTokenOptions {
  /** How long the tokens open the hub. */
  ttlMs: number;
  now?: () => number;
  /** Account names are `<prefix><code>` (default `bench-`). */
  usernamePrefix?: string;
  roles?: Role[];
}

const Units = z.array(UnitCode);

/**
 * A token per unit code (`code → token`) for an account `<prefix><code>` of that unit, created
 * when missing. Throws on a malformed or unknown code, before writing anything.
 */
export async function issueServiceTokens(store: Store, units: readonly string[], options: ServiceTokenOptions): Promise<Map<string, string>> {
  const codes = [...new Set(Units.parse(units))];
  const hierarchy = loadHierarchy();
  const unknown = codes.filter((code) => !hierarchy.get(code));
  if (unknown.length) throw new Error(`unknown unit codes: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`);
  const now = options.now ?? Date.now;
  const prefix = options.usernamePrefix ?? 'bench-';
  const roles = options.roles ?? ['duty'];
  const passwordHash = lockedPasswordHash();
  await store.addMissingAccounts(codes.map((code) => ({ username: `${prefix}${code}`, unit: code, roles, passwordHash })), now());
  const issuer = await openTokenIssuer(store, options.ttlMs, now);
  return new Map(codes.map((code) => [code, issuer.issue(`${prefix}${code}`).token]));
}
