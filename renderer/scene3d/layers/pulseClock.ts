/**
 * Frames per second the scene is asked for while a marker pulses. The canvas renders on demand;
 * the fastest pulse is a ring every half second, which 24 frames a second draw as a smooth
 * growth (film rate), while 60 would cost each wall window two and a half times the renders of
 * a city of buildings for no visible gain.
 */
export const PULSE_FPS = 24;
/** The longest wait between pulse frames, however slow the renderer. */
export const MAX_PULSE_GAP_MS = 2000;
/** After a frame slower than the pulse rate allows, wait this many times its cost: a third of the machine at most. */
export const SLOW_FRAME_WAIT_FACTOR = 2;

/**
 * Paces pulse frames: after each frame, how long to wait before asking for the next. At least
 * 1000/PULSE_FPS ms; and when frames are slow (a software renderer, a loaded wall PC) the wait
 * grows with their cost, so the pulse slows to a blink rather than taking the machine. A fixed
 * timer keeps a frame always queued: two wall windows in SwiftShader on 2 cores rendered back to
 * back at ~3 frames/s each with Chromium's GPU process at 184 % CPU; paced by each frame's GPU
 * fence (usePulseFrames.ts) they pulse at ~1 frame/s with it at 89 % (20 % with nothing pulsing).
 */
export function pulseGapMs(frameCostMs: number, fps: number = PULSE_FPS): number {
  return Math.min(MAX_PULSE_GAP_MS, Math.max(1000 / fps, SLOW_FRAME_WAIT_FACTOR * frameCostMs));
}

/** How much of the slowest recent frame cost is still remembered a frame later. */
export const COST_MEMORY = 0.8;

/**
 * What a frame costs, as the pacer plans with it: the slowest recent one, fading. Measured costs
 * swing (the GPU is shared with the page's compositing and the other windows), so the peak is
 * held rather than the last value taken, and the pace does not see-saw.
 */
export function frameCostEstimate(previousMs: number, measuredMs: number): number {
  return Math.max(measuredMs, previousMs * COST_MEMORY);
}

