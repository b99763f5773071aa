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

/** Creates the demo accounts that do not exist yet (an existing password is left alone). */
export async function ensureDemoAccounts(store: Store, password: string, nowMs: number): Promise<void> {
  await Promise.all(
    DEMO_ACCOUNTS.map(async (spec) => {
      if (!(await store.getAccount(spec.username))) await createAccount(store, { ...spec, password }, nowMs);
    }),
  );
}
