import { describe, expect, it } from 'vitest';
import { labelBox, placeLabels, type LabelCandidate } from './labelLayout';

const at = (id: string, x: number, y: number, priority: number, text = '渝中区'): LabelCandidate => ({ id, x, y, priority, ...labelBox(text, 45) });

describe('area labels', () => {
  it('size Chinese text by characters at the wall text size', () => {
    expect(labelBox('渝中区', 45).width).toBeCloseTo(3 * 45 + 27);
    expect(labelBox('渝中区', 45).height).toBeCloseTo(58.5);
  });

  it('keep the bigger area where two labels would overlap, and both where they do not', () => {
    const shown = placeLabels([at('small', 100, 100, 1), at('big', 120, 110, 5), at('far', 600, 100, 2)], { width: 1000, height: 500 });
    expect([...shown].sort()).toEqual(['big', 'far']);
  });

  it('drop labels not wholly inside the picture, and the same set whatever order they come in', () => {
    const candidates = [at('edge', 20, 100, 3), at('a', 300, 300, 2), at('b', 330, 310, 2)];
    const one = placeLabels(candidates, { width: 1000, height: 500 });
    const two = placeLabels([...candidates].reverse(), { width: 1000, height: 500 });
    expect([...one]).toEqual(['a']);
    expect([...two]).toEqual(['a']);
  });
});
