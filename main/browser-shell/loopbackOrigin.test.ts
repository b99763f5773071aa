import { describe, expect, it } from 'vitest';
import { isOwnLoopbackHost, isOwnLoopbackOrigin } from './loopbackOrigin';

describe('loopback checks', () => {
  it('accepts loopback names on our own port only', () => {
    expect(isOwnLoopbackHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isOwnLoopbackHost('localhost:5000', 5000)).toBe(true);
    expect(isOwnLoopbackHost('[::1]:5000', 5000)).toBe(true);
    expect(isOwnLoopbackHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isOwnLoopbackHost('127.0.0.1.evil.example:5000', 5000)).toBe(false);
    expect(isOwnLoopbackHost('wall.example:5000', 5000)).toBe(false);
    expect(isOwnLoopbackHost(undefined, 5000)).toBe(false);
  });

  it('accepts our own http origin or none (a local non-browser client), nothing else', () => {
    expect(isOwnLoopbackOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isOwnLoopbackOrigin(undefined, 5000)).toBe(true);
    expect(isOwnLoopbackOrigin('http://127.0.0.1:8080', 5000)).toBe(false);
    expect(isOwnLoopbackOrigin('https://evil.example', 5000)).toBe(false);
    expect(isOwnLoopbackOrigin('null', 5000)).toBe(false);
    expect(isOwnLoopbackOrigin('file://', 5000)).toBe(false);
  });
});
