// Account lookup and creation, the session a login opens, and the actor a username stands for.
import type { Role } from '../../shared/protocol/common';
import type { Store } from '../store/store';
import type { AccountRecord } from '../store/records';
import { hashPassword, verifyPassword } from './passwords';
import { DEMO_ACCOUNTS } from './demoAccounts';

export interface Principal {
  username: string;
  unit: string;
  roles: Role[];
}

/** A fixed hash to verify against for unknown usernames, so timing does not reveal which exist. */
let decoyHash: Promise<string> | undefined;

export async function checkCredentials(store: Store, username: string, password: string): Promise<Principal | undefined> {
  const account = await store.getAccount(username);
  if (!account) {
    decoyHash ??= hashPassword('decoy');
    await verifyPassword(password, await decoyHash);
    return undefined;
  }
  if (!(await verifyPassword(password, account.passwordHash))) return undefined;
  return principalOf(account);
}

export function principalOf(account: AccountRecord): Principal {
  return { username: account.username, unit: account.unit, roles: account.roles };
}

export async function createAccount(store: Store, spec: Principal & { password: string }, nowMs: number): Promise<void> {
  await store.putAccount({ username: spec.username, unit: spec.unit, roles: spec.roles, passwordHash: await hashPassword(spec.password) }, nowMs);
}

/** Creates the demo accounts, or resets one whose password is no longer the demo password. */
export async function ensureDemoAccounts(store: Store, password: string, nowMs: number): Promise<void> {
  await Promise.all(
    DEMO_ACCOUNTS.map(async (spec) => {
      const existing = await store.getAccount(spec.username);
      if (existing && (await verifyPassword(password, existing.passwordHash))) return;
      await createAccount(store, { ...spec, password }, nowMs);
    }),
  );
}
