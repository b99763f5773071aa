// Test and demo extension: `POST /api/v1/cameras/:id/feed {"state":"offline"|"live"|"stalled"}` takes
// a loop camera's feed down or brings it back, as the simulator's flaps do: it appends the same
// durable, pushed `camera.status` event, and the camera's live playlist follows the event
// (`cameras/feeds.ts`). `stalled` freezes the playlist with no event at all, as a hung encoder or a
// broken network path looks: the platform still says online, and only the stream shows it.
// Only where the hub runs in demo mode or with HUB_TEST_CONTROLS=1, and only for trainers and admins.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isInSubtree } from '../../shared/domain/units';
import { parseAtEdge } from '../../shared/validation';
import type { CameraFeeds } from '../cameras/feeds';
import type { SystemPublisher } from '../domain/systemPublisher';
import type { EventFeed } from '../realtime/eventFeed';
import type { HttpContext } from './context';
import { sendError } from './errors';

/** The body; `live` brings the feed back. Hub-only: the wall never sends it. */
export const CameraFeedRequest = z.strictObject({ state: z.enum(['offline', 'live', 'stalled']) });

export interface CameraFeedAnswer {
  cameraId: string;
  state: z.infer<typeof CameraFeedRequest>['state'];
  /** The `camera.status` event appended; null when the feed already was in that state. */
  seq: number | null;
}

export interface CameraFeedControlOptions {
  /** Demo mode or HUB_TEST_CONTROLS: otherwise every call is refused `forbidden`. */
  enabled: boolean;
  feeds: CameraFeeds;
  publisher: SystemPublisher;
  feed: EventFeed;
  log(message: string): void;
}

const CONTROL_ROLES = new Set(['trainer', 'admin']);

export function registerCameraFeedControl(app: FastifyInstance, ctx: HttpContext, options: CameraFeedControlOptions): void {
  /**
   * Cameras frozen by `stalled`: no event marks them, so this node alone knows (a test control;
   * other hub nodes keep serving the stream). `live` thaws them without an event either.
   */
  const stalledSilently = new Set<string>();

  app.post<{ Params: { id: string } }>('/api/v1/cameras/:id/feed', async (request, reply) => {
    const principal = request.principal!;
    if (!options.enabled) return sendError(reply, 'forbidden', 'test controls are off: the hub runs them in demo mode or with HUB_TEST_CONTROLS=1');
    if (!principal.roles.some((role) => CONTROL_ROLES.has(role))) return sendError(reply, 'forbidden', 'only trainers and admins may take camera feeds down or up');
    const parsed = parseAtEdge(CameraFeedRequest, request.body);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const { id } = request.params;
    const camera = ctx.cameras.get(id);
    if (!camera) return sendError(reply, 'not_found', `unknown camera ${id}`);
    if (!isInSubtree(camera.unit, principal.unit)) return sendError(reply, 'forbidden', `camera ${id} is outside your area`);
    if (camera.hls !== undefined) return sendError(reply, 'invalid', `id: camera ${id} plays from its own platform; this hub cannot stop its feed`);

    const { state } = parsed.value;
    const answer: CameraFeedAnswer = { cameraId: id, state, seq: null };
    const done = async (): Promise<CameraFeedAnswer> => {
      await ctx.store.audit({ username: principal.username, type: 'camera.feed', outcome: 'ok', detail: `${id} ${state}` }, ctx.now()).catch(() => undefined);
      options.log(`camera ${id} feed ${state} (by ${principal.username})`);
      return answer;
    };
    if (state === 'stalled') {
      if (!options.feeds.isLive(id)) return answer;
      options.feeds.observe(id, 'offline', ctx.now());
      stalledSilently.add(id);
      return done();
    }
    if (stalledSilently.delete(id) && state === 'live') {
      options.feeds.observe(id, 'online', ctx.now());
      return done();
    }
    const wantsLive = state === 'live';
    if (options.feeds.isLive(id) === wantsLive) return answer;
    const event = await options.publisher.publishCameraStatus(id, wantsLive ? 'online' : 'offline');
    if (!event) return sendError(reply, 'internal', 'the camera status could not be recorded');
    // answer once the feed (and with it the playlists) has taken the event in
    await options.feed.settled();
    answer.seq = event.seq;
    return done();
  });
}
