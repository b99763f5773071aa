import { existsSync } from 'node:fs';

/**
 * What the loop clips look like and how ffmpeg makes them. Every camera shows one of these
 * clips on a loop, so the hub never encodes per camera.
 */

export const CLIP_FRAME_RATE = 25;
export const CLIP_SECONDS = 24;

export interface RenditionRecipe {
  name: string;
  width: number;
  height: number;
  /** target video bitrate, kbit/s */
  kbps: number;
}

/** Listed best first; the master playlist keeps this order. */
export const RENDITION_LADDER: readonly RenditionRecipe[] = [
  { name: '720p', width: 1280, height: 720, kbps: 1500 },
  { name: '360p', width: 640, height: 360, kbps: 400 },
  { name: '180p', width: 320, height: 180, kbps: 150 },
];

export interface ClipRecipe {
  label: string;
  /** a lavfi source graph producing 1280x720 at CLIP_FRAME_RATE */
  source: string;
}

const size = `${RENDITION_LADDER[0]!.width}x${RENDITION_LADDER[0]!.height}`;
const upscale = `scale=${RENDITION_LADDER[0]!.width}:${RENDITION_LADDER[0]!.height}:flags=neighbor`;

export const CLIP_RECIPES: readonly ClipRecipe[] = [
  { label: 'LOOP A', source: `testsrc2=s=${size}:r=${CLIP_FRAME_RATE}` },
  { label: 'LOOP B', source: `smptehdbars=s=${size}:r=${CLIP_FRAME_RATE}` },
  // mandelbrot is costly per pixel: render small, scale up
  { label: 'LOOP C', source: `mandelbrot=s=640x360:r=${CLIP_FRAME_RATE},${upscale}` },
  {
    label: 'LOOP D',
    source: `life=s=320x180:r=${CLIP_FRAME_RATE}:mold=10:ratio=0.1:death_color=#203040:life_color=#40ff80,${upscale}`,
  },
];

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
];

/** A font file for the burnt-in label, or undefined when none is installed. */
export function findLabelFont(): string | undefined {
  return FONT_CANDIDATES.find((path) => existsSync(path));
}

/** The label names the loop and shows the time within it, so a looping tile is recognisable. */
function labelFilter(label: string, fontFile: string): string {
  const text = `${label}  %{pts\\:hms}`;
  return (
    `drawtext=fontfile=${fontFile}:text='${text}':x=32:y=h-th-32:fontsize=44:` +
    'fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=10'
  );
}

/**
 * ffmpeg arguments that encode one clip into every rendition of the ladder as fMP4 HLS with
 * 1-second segments, keyframes exactly on each second so all renditions cut at the same instants.
 * Output: `<outDir>/<rendition>/{init.mp4, <n>.m4s, index.m3u8}`.
 */
export function clipEncodeArgs(recipe: ClipRecipe, outDir: string, fontFile: string | undefined): string[] {
  const labelled = fontFile ? `,${labelFilter(recipe.label, fontFile)}` : '';
  const splitOutputs = RENDITION_LADDER.map((_, i) => `[s${i}]`).join('');
  const scaled = RENDITION_LADDER.map(
    (r, i) => `[s${i}]scale=${r.width}:${r.height},format=yuv420p[v${i}]`,
  ).join(';');
  const graph = `[0:v]format=yuv420p${labelled},split=${RENDITION_LADDER.length}${splitOutputs};${scaled}`;

  const perRendition = RENDITION_LADDER.flatMap((r, i) => [
    '-map', `[v${i}]`,
    `-b:v:${i}`, `${r.kbps}k`,
    `-maxrate:v:${i}`, `${Math.round(r.kbps * 1.2)}k`,
    `-bufsize:v:${i}`, `${r.kbps * 2}k`,
  ]);
  const keyframeEverySecond = [
    '-g', String(CLIP_FRAME_RATE),
    '-keyint_min', String(CLIP_FRAME_RATE),
    '-sc_threshold', '0',
    '-force_key_frames', 'expr:gte(t,n_forced*1)',
  ];
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-y',
    '-f', 'lavfi', '-t', String(CLIP_SECONDS), '-i', recipe.source,
    '-filter_complex', graph,
    ...perRendition,
    // no B-frames: presentation starts at decode time 0, so a loop wrap leaves no gap in the
    // player's buffer (with B-frames every wrap opened an 80 ms hole and a stall in hls.js)
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-bf', '0', '-r', String(CLIP_FRAME_RATE),
    ...keyframeEverySecond,
    '-an',
    '-f', 'hls',
    '-hls_segment_type', 'fmp4',
    '-hls_time', '1',
    '-hls_playlist_type', 'vod',
    '-hls_flags', 'independent_segments',
    '-hls_fmp4_init_filename', 'init.mp4',
    '-var_stream_map', RENDITION_LADDER.map((r, i) => `v:${i},name:${r.name}`).join(' '),
    '-hls_segment_filename', `${outDir}/%v/%d.m4s`,
    `${outDir}/%v/index.m3u8`,
  ];
}
