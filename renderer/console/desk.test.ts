import { describe, expect, it } from 'vitest';
import { readDesk } from './desk';

describe('readDesk', () => {
  it('reads a console’s desk name from its URL, trimmed', () => {
    expect(readDesk('?role=console&desk=%E5%B8%AD%E4%BD%8D%202')).toBe('席位 2');
    expect(readDesk('?role=console&desk=%20B%20')).toBe('B');
  });

  it('has none for walls, a missing or blank name, or one too long for main to take', () => {
    expect(readDesk('?role=wall&display=1&desk=A')).toBeUndefined();
    expect(readDesk('?role=console')).toBeUndefined();
    expect(readDesk('?role=console&desk=%20%20')).toBeUndefined();
    expect(readDesk(`?role=console&desk=${'x'.repeat(41)}`)).toBeUndefined();
  });
});
