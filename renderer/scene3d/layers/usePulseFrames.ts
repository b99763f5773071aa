import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { frameCostEstimate, pulseGapMs } from './pulseClock';

/** How often a frame's GPU fence is looked at while it is outstanding. */
const FENCE_POLL_MS = 8;
/** A fence not signalled by then is given up on (a lost context, say): the frame counts as this slow. */
const FENCE_GIVE_UP_MS = 5000;

/**
 * Calls `done` with what a frame cost, in ms from `start`: once its render has run (the first
 * task after the frame's) and, on WebGL2, once the GPU has finished it (a fence). The GPU's part
 * is what matters on a software rasteriser, which works behind the page and would otherwise
 * look free. Returns a cancel.
 */
export function afterFrameCompletes(context: WebGLRenderingContext | WebGL2RenderingContext, start: number, done: (costMs: number) => void): () => void {
  const gl2 = typeof WebGL2RenderingContext !== 'undefined' && context instanceof WebGL2RenderingContext ? context : null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let fence: WebGLSync | null = null;
  const release = () => {
    if (timer !== null) clearTimeout(timer);
    if (fence && gl2) gl2.deleteSync(fence);
    timer = null;
    fence = null;
  };
  const poll = () => {
    const finished = !fence || !gl2 || gl2.getSyncParameter(fence, gl2.SYNC_STATUS) === gl2.SIGNALED || performance.now() - start > FENCE_GIVE_UP_MS;
    if (!finished) {
      timer = setTimeout(poll, FENCE_POLL_MS);
      return;
    }
    release();
    done(performance.now() - start);
  };
  timer = setTimeout(() => {
    if (gl2) {
      fence = gl2.fenceSync(gl2.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl2.flush();
    }
    poll();
  }, 0);
  return release;
}

/**
 * Asks the on-demand canvas for frames while `active`: the next one a paced wait after the last
 * one finished (pulseClock.ts), so a pulse runs at PULSE_FPS on a GPU and slows to a blink on a
 * software renderer instead of taking the machine. Nothing is asked for while inactive.
 */
export function usePulseFrames(active: boolean): void {
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  const pacing = useRef({ active: false, pending: false, costMs: 0, cancel: null as (() => void) | null });

  useEffect(() => {
    const state = pacing.current;
    state.active = active;
    if (active) invalidate();
    return () => {
      state.active = false;
      state.cancel?.();
      state.cancel = null;
      state.pending = false;
    };
  }, [active, invalidate]);

  useFrame(() => {
    const state = pacing.current;
    if (!state.active || state.pending) return;
    state.pending = true;
    state.cancel = afterFrameCompletes(gl.getContext(), performance.now(), (costMs) => {
      state.costMs = frameCostEstimate(state.costMs, costMs);
      const timer = setTimeout(() => {
        state.pending = false;
        state.cancel = null;
        if (state.active) invalidate();
      }, pulseGapMs(state.costMs));
      state.cancel = () => clearTimeout(timer);
    });
  });
}
