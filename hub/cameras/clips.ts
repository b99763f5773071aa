import { spawn } from 'node:child_process';
import { access, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CLIP_FRAME_RATE, CLIP_RECIPES, RENDITION_LADDER, clipEncodeArgs, findLabelFont } from './clipRecipes';
import { isProcessAlive, withDirectoryLock } from './clipLock';
import { avcCodecString } from './mp4Codec';

/** Bump when recipes or packaging change: older caches are then re-encoded and removed. */
export const CLIP_SET_VERSION = 2;

export interface ClipRendition {
  name: string;
  width: number;
  height: number;
  frameRate: number;
  /** RFC 6381, e.g. `avc1.64001f` */
  codecs: string;
  /** peak bit/s over any one segment */
  bandwidth: number;
  averageBandwidth: number;
  /** absolute paths */
  initFile: string;
  segmentFiles: string[];
}

export interface LoopClip {
  index: number;
  label: string;
  /** seconds, one per segment; every rendition cuts at the same instants */
  segmentDurations: number[];
  renditions: ClipRendition[];
}

export interface ClipSet {
  version: number;
  /** names this encoding; segment URLs carry it so they can be cached forever */
  build: string;
  clips: LoopClip[];
}

const RenditionManifest = z.object({
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  frameRate: z.number().positive(),
  codecs: z.string(),
  bandwidth: z.number().int().positive(),
  averageBandwidth: z.number().int().positive(),
  initFile: z.string(),
  segmentFiles: z.array(z.string()).min(1),
});
const ClipSetManifest = z.object({
  version: z.number().int(),
  build: z.string().regex(/^[a-z0-9-]+$/),
  clips: z
    .array(
      z.object({
        index: z.number().int().nonnegative(),
        label: z.string(),
        segmentDurations: z.array(z.number().positive()).min(1),
        renditions: z.array(RenditionManifest).min(1),
      }),
    )
    .min(1),
});

export interface EnsureClipsOptions {
  ffmpegPath?: string;
  log?: (message: string) => void;
}

/**
 * The loop clips every camera shows, encoded once into `dir` and reused afterwards. Safe to call
 * from several processes at once: one encodes while the others wait, and the result is moved
 * into place with a rename so nobody ever reads a half-written clip set.
 */
export async function ensureClips(dir: string, options: EnsureClipsOptions = {}): Promise<ClipSet> {
  await mkdir(dir, { recursive: true });
  const cached = await loadClipSet(dir);
  if (cached) return cached;
  return withDirectoryLock(join(dir, '.lock'), async () => {
    const builtMeanwhile = await loadClipSet(dir);
    if (builtMeanwhile) return builtMeanwhile;
    const log = options.log ?? (() => {});
    const started = Date.now();
    log(`encoding ${CLIP_RECIPES.length} loop clips into ${dir}`);
    const build = `v${CLIP_SET_VERSION}-${Date.now().toString(36)}`;
    const workDir = join(dir, `.build-${process.pid}-${build}`);
    await rm(workDir, { recursive: true, force: true });
    const manifest = await encodeClipSet(workDir, build, options.ffmpegPath ?? '/usr/bin/ffmpeg');
    await rename(workDir, join(dir, build));
    const manifestTmp = join(dir, `.manifest-${process.pid}.json`);
    await writeFile(manifestTmp, JSON.stringify(manifest, null, 1));
    await rename(manifestTmp, join(dir, 'manifest.json'));
    await removeStaleBuilds(dir);
    log(`encoded loop clips in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const loaded = await loadClipSet(dir);
    if (!loaded) throw new Error(`clip set written to ${dir} could not be read back`);
    return loaded;
  });
}

/** The cached clip set, or undefined when missing, of another version, or incomplete. */
async function loadClipSet(dir: string): Promise<ClipSet | undefined> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = ClipSetManifest.safeParse(raw);
  if (!parsed.success || parsed.data.version !== CLIP_SET_VERSION) return undefined;
  const buildDir = join(dir, parsed.data.build);
  const clipSet: ClipSet = {
    ...parsed.data,
    clips: parsed.data.clips.map((clip) => ({
      ...clip,
      renditions: clip.renditions.map((r) => ({
        ...r,
        initFile: join(buildDir, r.initFile),
        segmentFiles: r.segmentFiles.map((file) => join(buildDir, file)),
      })),
    })),
  };
  const files = clipSet.clips.flatMap((c) => c.renditions.flatMap((r) => [r.initFile, ...r.segmentFiles]));
  try {
    await Promise.all(files.map((file) => access(file)));
  } catch {
    return undefined;
  }
  return clipSet;
}

/** Encodes every recipe; the manifest's file paths are relative to `workDir`. */
async function encodeClipSet(workDir: string, build: string, ffmpegPath: string): Promise<z.infer<typeof ClipSetManifest>> {
  const fontFile = findLabelFont();
  const clips: z.infer<typeof ClipSetManifest>['clips'] = [];
  for (const [index, recipe] of CLIP_RECIPES.entries()) {
    const clipDir = join(workDir, `clip${index}`);
    await mkdir(clipDir, { recursive: true });
    try {
      await runFfmpeg(ffmpegPath, clipEncodeArgs(recipe, clipDir, fontFile));
    } catch (error) {
      if (!fontFile) throw error;
      // drawtext can fail on odd font setups; an unlabelled clip is still a working clip
      await runFfmpeg(ffmpegPath, clipEncodeArgs(recipe, clipDir, undefined));
    }
    const renditions = [];
    let segmentDurations: number[] | undefined;
    for (const recipeRendition of RENDITION_LADDER) {
      const relDir = join(`clip${index}`, recipeRendition.name);
      const vod = parseVodPlaylist(await readFile(join(workDir, relDir, 'index.m3u8'), 'utf8'));
      segmentDurations ??= vod.durations;
      if (vod.durations.length !== segmentDurations.length) {
        throw new Error(`clip ${index} ${recipeRendition.name}: renditions cut into different segment counts`);
      }
      const sizes = await Promise.all(vod.segments.map(async (s) => (await stat(join(workDir, relDir, s))).size));
      const bitrates = sizes.map((bytes, i) => (bytes * 8) / vod.durations[i]!);
      const totalSeconds = vod.durations.reduce((a, b) => a + b, 0);
      renditions.push({
        name: recipeRendition.name,
        width: recipeRendition.width,
        height: recipeRendition.height,
        frameRate: CLIP_FRAME_RATE,
        codecs: avcCodecString(await readFile(join(workDir, relDir, vod.init))),
        bandwidth: Math.ceil(Math.max(...bitrates)),
        averageBandwidth: Math.ceil((sizes.reduce((a, b) => a + b, 0) * 8) / totalSeconds),
        initFile: join(relDir, vod.init),
        segmentFiles: vod.segments.map((s) => join(relDir, s)),
      });
    }
    clips.push({ index, label: recipe.label, segmentDurations: segmentDurations!, renditions });
  }
  return { version: CLIP_SET_VERSION, build, clips };
}

/** Init segment, segment URIs and exact durations of the VOD playlist ffmpeg wrote. */
export function parseVodPlaylist(text: string): { init: string; segments: string[]; durations: number[] } {
  let init: string | undefined;
  const segments: string[] = [];
  const durations: number[] = [];
  let pendingDuration: number | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('#EXT-X-MAP:')) init = /URI="([^"]+)"/.exec(line)?.[1];
    else if (line.startsWith('#EXTINF:')) pendingDuration = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line && !line.startsWith('#') && pendingDuration !== undefined) {
      segments.push(line);
      durations.push(pendingDuration);
      pendingDuration = undefined;
    }
  }
  if (!init || segments.length === 0) throw new Error('ffmpeg playlist has no init segment or no segments');
  return { init, segments, durations };
}

function runFfmpeg(ffmpegPath: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Removes builds of other versions and work dirs of dead processes; keeps same-version builds. */
async function removeStaleBuilds(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const otherVersion = /^v(\d+)-/.exec(name);
    const work = /^\.build-(\d+)-/.exec(name);
    const stale =
      (otherVersion && Number(otherVersion[1]) !== CLIP_SET_VERSION) ||
      (work && !isProcessAlive(Number(work[1])));
    if (stale) await rm(join(dir, name), { recursive: true, force: true });
  }
}
