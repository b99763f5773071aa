import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadHierarchy } from '../hierarchy';
import { parseCameraFile, readCameraFile } from './cameraFile';

const hierarchy = loadHierarchy();
const exampleFile = path.join(import.meta.dirname, '../../resources/cameras.example.json');
const tempDir = mkdtempSync(path.join(tmpdir(), 'camera-file-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const camera = (id: string, unit: string, location: [number, number], extra: Record<string, unknown> = {}) => ({
  id, name: `${id} 全景`, unit, location, hls: `https://video.example.gov.cn/live/${id}/index.m3u8`, ...extra,
});
const parse = (entries: unknown) => parseCameraFile(JSON.stringify(entries), 'cameras.json', hierarchy);
const problemsOf = (entries: unknown): string => {
  try {
    parse(entries);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
};

describe('camera file (HUB_CAMERAS_FILE)', () => {
  it('reads the example file: three Chongqing cameras with their own platform URLs', () => {
    const catalog = readCameraFile(exampleFile, hierarchy);
    expect(catalog.all().map((c) => c.id)).toEqual(['cq-yz-jiefangbei-01', 'cq-yz-chaotianmen-01', 'cq-jb-guanyinqiao-01']);
    expect(catalog.get('cq-yz-jiefangbei-01')).toMatchObject({
      unit: '500103003017',
      hls: 'https://video.example.gov.cn/live/cq-yz-jiefangbei-01/index.m3u8',
    });
    expect(catalog.all().every((c) => c.clip === undefined)).toBe(true);
  });

  it('finds the nearest file cameras, and keeps a unit filter to that subtree', () => {
    const catalog = readCameraFile(exampleFile, hierarchy);
    const atJiefangbei: [number, number] = [106.5772, 29.5571];
    expect(catalog.nearestCameras(atJiefangbei, 2).map((c) => c.id)).toEqual(['cq-yz-jiefangbei-01', 'cq-yz-chaotianmen-01']);
    expect(catalog.nearestCameras(atJiefangbei, 5, '500105').map((c) => c.id)).toEqual(['cq-jb-guanyinqiao-01']);
    expect(catalog.nearestCameras(atJiefangbei, 5, '500103010').map((c) => c.id)).toEqual(['cq-yz-chaotianmen-01']);
    // far away (Wanzhou): still the three, nearest first
    expect(catalog.nearestCameras([108.4, 30.8], 10)).toHaveLength(3);
  });

  it('names the entry and field of a schema error', () => {
    const message = problemsOf([camera('a', '500103', [106.5, 29.5]), camera('b', '500103', ['106.5' as unknown as number, 29.5])]);
    expect(message).toMatch(/^HUB_CAMERAS_FILE cameras\.json: \[1\]\.location\.0: .*number/);
    expect(problemsOf([{ id: 'a', name: 'x', unit: '500103', location: [106.5, 29.5] }])).toMatch(/\[0\]\.hls: /);
    expect(problemsOf([camera('a', '500103', [29.5, 106.5])])).toMatch(/\[0\]\.location\.1: /); // lat/lng swapped
  });

  it('refuses an unknown unit, a duplicate id and a relative or non-http URL, listing each', () => {
    const message = problemsOf([
      camera('a', '500103', [106.5, 29.5]),
      camera('b', '500199999', [106.5, 29.5]),
      camera('a', '500103', [106.5, 29.5]),
      camera('c', '500103', [106.5, 29.5], { hls: '/live/c.m3u8' }),
      camera('d', '500103', [106.5, 29.5], { hls: 'rtsp://10.0.0.9/live' }),
    ]);
    expect(message.split('\n').map((line) => line.trim())).toEqual([
      'HUB_CAMERAS_FILE cameras.json: [1].unit: no unit 500199999 in the hierarchy',
      '[2].id: "a" is already the id of [0]',
      '[3].hls: must be an absolute http(s) URL, got "/live/c.m3u8"',
      '[4].hls: must be an absolute http(s) URL, got "rtsp://10.0.0.9/live"',
    ]);
  });

  it('refuses a file that is not a non-empty JSON array, or cannot be read', () => {
    expect(() => parseCameraFile('{"id":"a"}', 'c.json', hierarchy)).toThrow('HUB_CAMERAS_FILE c.json: expected a JSON array');
    expect(() => parseCameraFile('[', 'c.json', hierarchy)).toThrow('HUB_CAMERAS_FILE c.json: not valid JSON');
    expect(() => parseCameraFile('[]', 'c.json', hierarchy)).toThrow('the array is empty');
    expect(() => readCameraFile(path.join(tempDir, 'missing.json'), hierarchy)).toThrow(/HUB_CAMERAS_FILE .*missing\.json: cannot read it/);
  });

  it('counts the problems past the first ten', () => {
    const file = path.join(tempDir, 'many.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: 14 }, (_, i) => camera(`x${i}`, '999999', [106.5, 29.5]))));
    const message = (() => { try { readCameraFile(file, hierarchy); return ''; } catch (e) { return (e as Error).message; } })();
    expect(message.split('\n')).toHaveLength(11);
    expect(message).toMatch(/\(and 4 more\)$/);
  });
});
