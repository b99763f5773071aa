import { describe, expect, it } from 'vitest';
import { readIndicatorsStandalone } from './standalone';

describe('readIndicatorsStandalone', () => {
  it('reads the board, unit, ids and sort from the URL', () => {
    expect(readIndicatorsStandalone('?role=wall&panel=indicators&board=ecology&unit=500103&sort=name')).toEqual({ board: 'ecology', unit: '500103', sort: 'name' });
    expect(readIndicatorsStandalone('?panel=indicators&ids=a,b')).toEqual({ board: 'all', ids: ['a', 'b'] });
  });

  it('is null for other pages, and all boards for a bad board', () => {
    expect(readIndicatorsStandalone('?role=wall&display=1')).toBeNull();
    expect(readIndicatorsStandalone('?panel=indicators&board=nonsense')).toEqual({ board: 'all' });
  });
});
