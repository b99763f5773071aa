import { readFile } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ClipRendition, ClipSet, LoopClip } from './clips';
import { CameraFeeds } from './feeds';
import { archiveSegments, asListed, masterPlaylist, mediaPlaylist, parseArchiveRange } from './playlists';
import { loopTimeline } from './timeline';

/** What the camera routes need to know about a camera; the catalog's entries fit it. */
export interface LoopCamera {
  id: string;
  /** index of the loop clip it shows (taken modulo the number of clips) */
  clip: number;
}

export interface CameraRouteOptions {
  clips: ClipSet;
  lookup(id: string): LoopCamera | undefined;
  now?: () => number;
  /** Cameras' outages: an offline camera's live window is frozen, and resumes after a discontinuity. */
  feeds?: CameraFeeds;
}

/** The master playlist URL the camera list advertises. */
export function cameraMasterUrl(publicBaseUrl: string, id: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/hls/cameras/${encodeURIComponent(id)}/master.m3u8`;
}

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Query = { start?: unknown; end?: unknown };

/**
 * HLS for looping cameras:
 * - `/hls/cameras/:id/master.m3u8[?start&end]` variants for live, or for an archive range;
 * - `/hls/cameras/:id/:rendition/live.m3u8` sliding window; `archive.m3u8?start&end` VOD;
 * - `/hls/clips/:build/:clip/:rendition/{init.mp4,<n>.m4s}` the clip files, shared by every
 *   camera showing that clip so a wall of tiles hits the browser cache.
 */
export function registerCameraRoutes(app: FastifyInstance, options: CameraRouteOptions): void {
  const now = options.now ?? Date.now;
  const { clips } = options;
  const feeds = options.feeds ?? new CameraFeeds();
  // the whole clip set is a few tens of MB: keep what was served in memory
  const fileCache = new Map<string, Buffer>();

  const resolve = (id: string) => {
    const camera = options.lookup(id);
    if (!camera) return undefined;
    const clip = clips.clips[((camera.clip % clips.clips.length) + clips.clips.length) % clips.clips.length]!;
    return { camera, clip, timeline: loopTimeline(clip.segmentDurations, camera.id) };
  };

  feeds.useTimelines((id) => resolve(id)?.timeline);

  /** The newest instant recorded: now, or when an offline camera's feed stopped. */
  const recordedUntil = (id: string): number => feeds.stoppedAt(id) ?? now();

  // views play video from another origin than the hub's (the app's own scheme)
  const preflight = async (_request: unknown, reply: FastifyReply) =>
    allowAnyOrigin(reply)
      .header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
      .header('Access-Control-Allow-Headers', '*')
      .header('Access-Control-Max-Age', '86400')
      .code(204)
      .send();
  app.options('/hls/cameras/*', preflight);
  app.options('/hls/clips/*', preflight);

  app.get<{ Params: { id: string }; Querystring: Query }>('/hls/cameras/:id/master.m3u8', async (request, reply) => {
    const found = resolve(request.params.id);
    if (!found) return notFound(reply, `unknown camera ${request.params.id}`);
    const { query } = request;
    let suffix = 'live.m3u8';
    if (query.start !== undefined || query.end !== undefined) {
      const range = parseArchiveRange(query);
      if (!range.ok) return invalid(reply, range.message);
      const checked = archiveSegments(found.timeline, range.value, recordedUntil(found.camera.id));
      if (!checked.ok) return invalid(reply, checked.message);
      suffix = `archive.m3u8?${new URLSearchParams({ start: String(query.start), end: String(query.end) })}`;
    }
    const body = masterPlaylist(found.clip.renditions, (name) => `${encodeURIComponent(name)}/${suffix}`);
    return sendPlaylist(reply, body);
  });

  app.get<{ Params: { id: string; rendition: string; playlist: string }; Querystring: Query }>(
    '/hls/cameras/:id/:rendition/:playlist',
    async (request, reply) => {
      const { id, rendition: renditionName, playlist } = request.params;
      const found = resolve(id);
      if (!found) return notFound(reply, `unknown camera ${id}`);
      const rendition = found.clip.renditions.find((r) => r.name === renditionName);
      if (!rendition) return notFound(reply, `camera ${id} has no rendition ${renditionName}`);
      const wantsArchive = playlist === 'archive.m3u8' || request.query.start !== undefined || request.query.end !== undefined;
      if (playlist !== 'live.m3u8' && playlist !== 'archive.m3u8') return notFound(reply, `no playlist ${playlist}`);
      const uris = clipUris(clips.build, found.clip, rendition);
      if (!wantsArchive) {
        return sendPlaylist(reply, mediaPlaylist({ segments: feeds.liveWindow(found.camera.id, found.timeline, now()), kind: 'live', ...uris }));
      }
      const range = parseArchiveRange(request.query);
      if (!range.ok) return invalid(reply, range.message);
      const segments = archiveSegments(found.timeline, range.value, recordedUntil(found.camera.id));
      if (!segments.ok) return invalid(reply, segments.message);
      const startOffsetSec = (range.value.startMs - segments.value[0]!.startMs) / 1000;
      return sendPlaylist(reply, mediaPlaylist({ segments: segments.value.map(asListed), kind: 'vod', startOffsetSec, ...uris }));
    },
  );

  app.get<{ Params: { build: string; clip: string; rendition: string; file: string } }>(
    '/hls/clips/:build/:clip/:rendition/:file',
    async (request, reply) => {
      const { build, clip: clipParam, rendition: renditionName, file: fileName } = request.params;
      const clip = build === clips.build ? clips.clips.find((c) => String(c.index) === clipParam) : undefined;
      const rendition = clip?.renditions.find((r) => r.name === renditionName);
      const segmentMatch = /^(\d+)\.m4s$/.exec(fileName);
      const path =
        fileName === 'init.mp4' ? rendition?.initFile : segmentMatch ? rendition?.segmentFiles[Number(segmentMatch[1])] : undefined;
      if (!path) return notFound(reply, `no clip file ${request.url}`);
      let data = fileCache.get(path);
      if (!data) {
        data = await readFile(path);
        fileCache.set(path, data);
      }
      return allowAnyOrigin(reply)
        .header('Content-Type', fileName === 'init.mp4' ? 'video/mp4' : 'video/iso.segment')
        .header('Cache-Control', IMMUTABLE)
        .send(data);
    },
  );
}

/** Segment URIs relative to `/hls/cameras/:id/:rendition/<playlist>`. */
function clipUris(build: string, clip: LoopClip, rendition: ClipRendition) {
  const base = `../../../clips/${build}/${clip.index}/${encodeURIComponent(rendition.name)}`;
  return { initUri: `${base}/init.mp4`, segmentUri: (clipSegment: number) => `${base}/${clipSegment}.m4s` };
}

function allowAnyOrigin(reply: FastifyReply): FastifyReply {
  return reply.header('Access-Control-Allow-Origin', '*');
}

function sendPlaylist(reply: FastifyReply, body: string) {
  return allowAnyOrigin(reply).header('Content-Type', PLAYLIST_TYPE).header('Cache-Control', 'no-cache').send(body);
}

function notFound(reply: FastifyReply, message: string) {
  return allowAnyOrigin(reply).code(404).send({ error: { code: 'not_found', message } });
}

function invalid(reply: FastifyReply, message: string) {
  return allowAnyOrigin(reply).code(400).send({ error: { code: 'invalid', message } });
}
