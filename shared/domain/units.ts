import type { UnitLevel } from '../protocol/units';

export const CITY_CODE = '500000';

/**
 * The code prefix shared by every unit in `code`'s subtree. National codes nest by prefix
 * (500103 → 500103001 → 500103001003), except the city, whose subtree is every code starting 50.
 */
export function subtreePrefix(code: string): string {
  if (code.length === 6 && code.endsWith('0000')) return code.slice(0, 2);
  return code;
}

/** True when `code` is `root` itself or lies below it. */
export function isInSubtree(code: string, root: string): boolean {
  return code.startsWith(subtreePrefix(root));
}

/** The level a code denotes, from its length. */
export function levelOfCode(code: string): UnitLevel {
  switch (code.length) {
    case 6:
      return code.endsWith('0000') ? 'city' : 'district';
    case 9:
      return 'street';
    case 12:
      return 'community';
    default:
      return 'grid';
  }
}

const LEVEL_DEPTH: Record<UnitLevel, number> = { city: 0, district: 1, street: 2, community: 3, grid: 4 };

/** 0 for the city … 4 for a grid. */
export function levelDepth(level: UnitLevel): number {
  return LEVEL_DEPTH[level];
}

/** True when `code` lies strictly below `root`. */
export function isStrictlyBelow(code: string, root: string): boolean {
  return code !== root && isInSubtree(code, root);
}
