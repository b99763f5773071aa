// The demo accounts (demo mode only), one per centre level along 渝中区's chain.
import type { Role } from '../../shared/protocol/common';

export interface AccountSpec {
  username: string;
  unit: string;
  roles: Role[];
}

export const DEMO_ACCOUNTS: readonly AccountSpec[] = [
  { username: 'city-duty', unit: '500000', roles: ['duty'] },
  { username: 'city-leader', unit: '500000', roles: ['leader'] },
  { username: 'trainer', unit: '500000', roles: ['trainer'] },
  { username: 'd500103-duty', unit: '500103', roles: ['duty'] },
  { username: 's500103001-duty', unit: '500103001', roles: ['duty'] },
  { username: 'c500103001003-duty', unit: '500103001003', roles: ['duty'] },
];

/** Simulated units act as `sim:<unitCode>`: an internal actor that no one can log in as. */
export const SIMULATOR_PREFIX = 'sim:';
