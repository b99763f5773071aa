import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDraft } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import { loadRecording } from './eventFile';
import { listJournalFiles } from './journal';
import { createLogger } from './logger';
import { ReplayPlayer } from './replayPlayer';
import { FakeClock } from './testing/fakeClock';
import { startFakeHub } from './testing/fakeHub';
import { waitFor } from './testing/waitFor';
import { createWallCore } from './wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Event number `n` of a varied city: incidents come, change and close; cameras and indicators move. */
function draft(n: number): EventDraft {
  const incidentId = `inc-${Math.floor(n / 4)}`;
  switch (n % 4) {
    case 0:
      return { type: 'incident.reported', incidentId, title: `事件 ${n}`, kind: 'flood', board: 'emergency', severity: 1 + (n % 3), location: [106.5, 29.5], units: ['500000'] };
    case 1:
      return { type: 'indicator.samples', samples: [{ id: `aqi-${n % 3}`, value: n, at: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString() }] };
    case 2:
      return n % 8 === 2 ? { type: 'incident.closed', incidentId } : { type: 'incident.updated', incidentId, severity: 4 };
    default:
      return { type: 'camera.status', cameraId: `cam-${n % 5}`, status: n % 2 ? 'offline' : 'online' };
  }
}

async function replay(files: string[], seekTo?: string): Promise<WallState> {
  const recording = await loadRecording(files);
  let state = emptyWallState();
  const clock = new FakeClock(); // stands still: after a seek, nothing plays on
  const player = new ReplayPlayer(recording, seekTo ? { clock } : { speed: 1e9, tickMs: 1 });
  player.start(async (u) => void (state = reduceEvents(u.reset ?? state, u.events)));
  if (seekTo) player.seek(seekTo);
  else await player.finished();
  await player.idle();
  await player.stop();
  return state;
}

describe('every journal file replays on its own', () => {
  it('replays any suffix of a rotated, pruned journal to the live state, and seeks within it', async () => {
    const T0 = Date.UTC(2025, 0, 1, 8);
    let hubTime = T0;
    const hub = await startFakeHub({ now: () => (hubTime += 60_000) }); // one event a minute
    const dataDir = await mkdtemp(join(tmpdir(), 'wall-journal-'));
    const core = createWallCore({
      hubUrl: hub.url,
      username: 'city-duty',
      password: 'demo',
      dataDir,
      logger: createLogger({ write: () => {} }),
      journal: { flushMs: 10, maxBytes: 700, keepFiles: 12 },
      link: { reconnect: { delayMs: 20, maxDelayMs: 100 } },
    });
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => hub.close(), () => core.stop());
    for (let n = 0; n < 10; n++) hub.publish(draft(n)); // before the wall starts: in its starting snapshot
    await core.start();
    await waitFor(() => core.status().link.state === 'connected');

    const liveAt = new Map<string, WallState>(); // event time → the live wall's state right after it
    for (let n = 10; n < 90; n++) {
      const event = hub.publish(draft(n));
      await waitFor(() => core.state().seq === event.seq);
      liveAt.set(event.ts, core.state());
    }
    const liveEnd = core.state();
    expect(Object.values(liveEnd.incidents).some((i) => i.status === 'closed')).toBe(true);
    await core.stop();

    const files = await listJournalFiles(join(dataDir, 'journal'));
    expect(files).toHaveLength(12);
    expect(basename(files[0]!)).not.toMatch(/^journal-000001-/); // the file with the hub's snapshot is gone
    for (const file of files) expect(JSON.parse((await readFile(file, 'utf8')).split('\n')[0]!)).toMatchObject({ kind: 'snapshot' });

    for (let first = 0; first < files.length; first++) {
      expect(await replay(files.slice(first)), `replay from ${basename(files[first]!)}`).toEqual(liveEnd);
    }

    // Seek, from a suffix, to times inside a later file: at an event, and between two.
    const suffix = files.slice(3);
    const later = (await loadRecording([files[7]!])).events;
    expect(later.length).toBeGreaterThan(0);
    for (const event of later) {
      const live = liveAt.get(event.ts)!;
      expect(await replay(suffix, event.ts)).toEqual(live);
      expect(await replay(suffix, new Date(Date.parse(event.ts) + 30_000).toISOString())).toEqual(live);
    }
  });
});
