import type { TiledBuildings } from './TiledBuildings';

/**
 * Runs a TiledBuildings' queued geometry builds in slices of about `sliceMs`, each in its own
 * task (Chromium's `scheduler.postTask`, which unlike a chain of setTimeouts is not clamped to
 * 4 ms; setTimeout elsewhere), so input, other panels and video keep running while a big city
 * builds. It asks for a frame when new geometry can be drawn: at once when the queue empties,
 * at most every `progressMs` before.
 */
export interface BuildLoopOptions {
  sliceMs: number;
  progressMs: number;
  /** Something new can be drawn: render a frame (r3f's invalidate). */
  onBuilt: () => void;
  /** The queue ran empty (everything the last update asked for is built). */
  onIdle?: () => void;
}

export interface BuildLoop {
  /** Starts slicing if the set has queued work and no slice is scheduled. */
  kick(): void;
  stop(): void;
}

interface TaskScheduler {
  postTask(task: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }): Promise<unknown>;
}

function postTask(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(task, { priority: 'user-visible' });
  else setTimeout(task, 0);
}

export function startBuildLoop(tiled: Pick<TiledBuildings, 'pending' | 'buildSome'>, options: BuildLoopOptions): BuildLoop {
  let scheduled = false;
  let stopped = false;
  let unshown = false;
  let lastShown = performance.now();
  const slice = () => {
    scheduled = false;
    if (stopped) return;
    if (tiled.buildSome(options.sliceMs)) unshown = true;
    const idle = tiled.pending === 0;
    if (unshown && (idle || performance.now() - lastShown >= options.progressMs)) {
      unshown = false;
      lastShown = performance.now();
      options.onBuilt();
    }
    if (idle) options.onIdle?.();
    else schedule();
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    postTask(slice);
  };
  return {
    kick: () => {
      if (tiled.pending > 0) schedule();
    },
    stop: () => {
      stopped = true;
    },
  };
}
