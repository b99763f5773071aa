// `/hls/*`: the camera service's routes on an inner Fastify instance, mounted once the loop
// clips exist. Encoding the clips takes a while on first start and must not hold up the hub, so
// until they are ready `/hls/*` answers 503 with Retry-After; players retry. Cameras from a camera
// file play from their own platform: the hub serves no video for them (404), and when every camera
// is such, it encodes no clips at all.
import Fastify, { type FastifyInstance } from 'fastify';
import { ensureClips } from '../cameras/clips';
import type { CameraFeeds } from '../cameras/feeds';
import { registerCameraRoutes } from '../cameras/routes';
import type { CameraCatalog, LoopCameraDefinition } from '../catalog';
import { sendError } from './errors';

export interface HlsOptions {
  clipsDir: string;
  cameras: CameraCatalog;
  now(): number;
  /** Cameras' outages (from `camera.status` events): what their live playlists show. */
  feeds: CameraFeeds;
  /** Encode at start (true) or on the first /hls request (false). */
  eager: boolean;
  log(message: string): void;
}

/** A camera whose video this hub serves from a loop clip; none for a file camera. */
function loopCamera(cameras: CameraCatalog, id: string): LoopCameraDefinition | undefined {
  const camera = cameras.get(id);
  return camera && camera.hls === undefined ? camera : undefined;
}

const HOP_BY_HOP = new Set(['connection', 'transfer-encoding', 'keep-alive']);

export function registerHls(app: FastifyInstance, options: HlsOptions): { close(): Promise<void> } {
  let inner: FastifyInstance | undefined;
  let preparing: Promise<void> | undefined;
  let closed = false;

  const prepare = () =>
    (preparing ??= (async () => {
      const clips = await ensureClips(options.clipsDir, { log: options.log });
      if (closed) return;
      const instance = Fastify({ logger: false });
      registerCameraRoutes(instance, { clips, lookup: (id) => loopCamera(options.cameras, id), now: options.now, feeds: options.feeds });
      await instance.ready();
      inner = instance;
      options.log(`HLS cameras ready (${clips.clips.length} loop clips)`);
    })().catch((error: Error) => {
      options.log(`HLS clips unavailable: ${error.message}`);
      preparing = undefined; // the next request tries again
    }));

  const servesVideo = options.cameras.all().some((camera) => camera.hls === undefined);
  if (options.eager && servesVideo) void prepare();

  app.route({
    method: ['GET', 'HEAD'],
    url: '/hls/*',
    handler: async (request, reply) => {
      if (!servesVideo) return sendError(reply, 'not_found', 'this hub serves no video: its cameras play from their own platform (hls URL in the camera list)');
      if (!inner) {
        void prepare();
        reply.header('retry-after', '5');
        return sendError(reply, 'unavailable', 'camera clips are being prepared');
      }
      const response = await inner.inject({ method: request.method as 'GET' | 'HEAD', url: request.url, headers: request.headers });
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) reply.header(name, value);
      }
      return reply.code(response.statusCode).send(response.rawPayload);
    },
  });

  return {
    async close() {
      closed = true;
      await inner?.close();
    },
  };
}
