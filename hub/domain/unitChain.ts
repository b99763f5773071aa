// Unit chains from codes alone: national codes nest by prefix (see shared/domain/units), so the
// chain of a code is its prefixes — the same rule `isInSubtree` uses, which keeps socket rooms
// and history filtering in exact agreement.
import { CITY_CODE } from '../../shared/domain/units';

const LENGTHS = [6, 9, 12, 15];

/** City first … the code itself. */
export function chainOfCode(code: string): string[] {
  if (!code.startsWith(CITY_CODE.slice(0, 2))) return [code];
  const chain = [CITY_CODE];
  for (const length of LENGTHS) {
    if (code.length < length) break;
    const prefix = code.slice(0, length);
    if (prefix !== CITY_CODE) chain.push(prefix);
  }
  return chain;
}

export function roomOf(unit: string): string {
  return `unit:${unit}`;
}
