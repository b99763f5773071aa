import { describe, expect, it } from 'vitest';
import { readTuning } from './tuning';

describe('tile manager tuning from the page URL', () => {
  it('reads the lever variants the benchmark passes, and nothing when there is no tune parameter', () => {
    const tune = { hlsConfig: { maxBufferLength: 2, backBufferLength: 0 }, rebaseDiscontinuities: false, renditionScale: 0.5 };
    expect(readTuning(`?panel=cameras&tune=${encodeURIComponent(JSON.stringify(tune))}`)).toEqual(tune);
    expect(readTuning('?panel=cameras')).toEqual({});
  });

  it('ignores a malformed tuning and says which field failed', () => {
    const logged: string[] = [];
    expect(readTuning(`?tune=${encodeURIComponent('{"hlsConfig":{"maxBufferLength":-1}}')}`, (line) => logged.push(line))).toEqual({});
    expect(readTuning('?tune={oops', (line) => logged.push(line))).toEqual({});
    expect(readTuning(`?tune=${encodeURIComponent('{"debug":true}')}`, (line) => logged.push(line))).toEqual({});
    expect(logged[0]).toContain('hlsConfig.maxBufferLength');
    expect(logged[1]).toContain('not JSON');
    expect(logged[2]).toContain('debug');
  });
});
