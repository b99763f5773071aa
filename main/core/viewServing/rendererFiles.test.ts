import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveRendererFile } from './rendererFiles';

const root = path.resolve('/srv/wall/dist/renderer');

describe('resolveRendererFile', () => {
  it('maps paths to files inside the renderer, / to index.html', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveRendererFile(root, '/./assets//x.css')).toBe(path.join(root, 'assets/x.css'));
  });

  it('refuses every way out of the renderer folder', () => {
    for (const escape of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fetc/passwd',
      '/..\\..\\secret',
      '/%5c..%5csecret',
      '/index.html%00.png',
      '/%E0%A4%A', // malformed escape
    ]) {
      expect(resolveRendererFile(root, escape), escape).toBeNull();
    }
  });

  it('keeps a sibling folder that shares the prefix out', () => {
    // "/srv/wall/dist/renderer-old" starts with the root string but is not inside it.
    expect(resolveRendererFile(root, '/../renderer-old/index.html')).toBeNull();
  });

  it('names content types the views need', () => {
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/x.JS')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/blob.bin')).toBe('application/octet-stream');
  });
});
