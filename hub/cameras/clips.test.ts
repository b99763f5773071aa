import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDirectoryLock } from './clipLock';
import { parseVodPlaylist } from './clips';
import { avcCodecString } from './mp4Codec';

describe('parseVodPlaylist', () => {
  it('reads the init segment, segment files and exact durations ffmpeg wrote', () => {
    const text = [
      '#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:1', '#EXT-X-PLAYLIST-TYPE:VOD',
      '#EXT-X-MAP:URI="init_0.mp4"', '#EXTINF:1.000000,', '0.m4s', '#EXTINF:0.960000,', '1.m4s', '#EXT-X-ENDLIST', '',
    ].join('\n');
    expect(parseVodPlaylist(text)).toEqual({ init: 'init_0.mp4', segments: ['0.m4s', '1.m4s'], durations: [1, 0.96] });
  });

  it('refuses a playlist without segments', () => {
    expect(() => parseVodPlaylist('#EXTM3U\n#EXT-X-MAP:URI="init.mp4"\n#EXT-X-ENDLIST\n')).toThrow(/no segments/);
  });
});

describe('avcCodecString', () => {
  const box = (type: string, payload: number[]) => {
    const size = 8 + payload.length;
    return [0, 0, size >> 8, size & 0xff, ...[...type].map((c) => c.charCodeAt(0)), ...payload];
  };
  it('names profile, constraints and level from the avcC box', () => {
    // High profile (0x64), no constraints, level 3.1 (0x1f), nested inside other boxes
    const avcC = box('avcC', [1, 0x64, 0x00, 0x1f, 0xff, 0xe1]);
    const init = new Uint8Array([...box('ftyp', [0x69, 0x73, 0x6f, 0x6d]), ...box('avc1', [0, 0, ...avcC])]);
    expect(avcCodecString(init)).toBe('avc1.64001f');
  });
  it('fails loudly on an init segment without H.264', () => {
    expect(() => avcCodecString(new Uint8Array(box('ftyp', [0, 0, 0, 0])))).toThrow(/avcC/);
  });
});

describe('withDirectoryLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clip-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lets one holder work at a time', async () => {
    const lock = join(dir, '.lock');
    const events: string[] = [];
    const work = (name: string) =>
      withDirectoryLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        events.push(`${name} out`);
      });
    await Promise.all([work('a'), work('b')]);
    expect(events.join(',')).toMatch(/^(a in,a out,b in,b out|b in,b out,a in,a out)$/);
  });

  it('breaks a lock left behind by a process that died', async () => {
    const lock = join(dir, '.lock');
    await mkdir(lock);
    await writeFile(join(lock, 'owner.json'), JSON.stringify({ pid: 2 ** 22 + 12345, at: Date.now() }));
    await expect(withDirectoryLock(lock, async () => 'got it')).resolves.toBe('got it');
  });
});
