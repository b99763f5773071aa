import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrameCompletes } from './usePulseFrames';

/** A WebGL2 context whose fence signals when the test says the GPU is done. */
class FakeWebGL2 {
  readonly SYNC_GPU_COMMANDS_COMPLETE = 0x9117;
  readonly SYNC_STATUS = 0x9114;
  readonly SIGNALED = 0x9119;
  readonly UNSIGNALED = 0x9118;
  gpuDone = false;
  fences = 0;
  deleted = 0;
  fenceSync() {
    this.fences += 1;
    return {};
  }
  flush() {}
  getSyncParameter() {
    return this.gpuDone ? this.SIGNALED : this.UNSIGNALED;
  }
  deleteSync() {
    this.deleted += 1;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  (globalThis as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext = FakeWebGL2;
});
afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
});

describe('afterFrameCompletes', () => {
  it('waits for the GPU fence: a software rasteriser’s cost is counted, not just the page’s', () => {
    const gl = new FakeWebGL2();
    const done = vi.fn();
    afterFrameCompletes(gl as unknown as WebGL2RenderingContext, performance.now(), done);
    vi.advanceTimersByTime(200);
    expect(gl.fences).toBe(1);
    expect(done).not.toHaveBeenCalled();
    gl.gpuDone = true;
    vi.advanceTimersByTime(20);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]![0]).toBeGreaterThanOrEqual(200);
    expect(gl.deleted).toBe(1);
  });

  it('without WebGL2, counts the frame done once its task has run', () => {
    delete (globalThis as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
    const done = vi.fn();
    afterFrameCompletes({} as WebGLRenderingContext, performance.now(), done);
    vi.advanceTimersByTime(1);
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('gives up on a fence that never signals, and can be cancelled', () => {
    const gl = new FakeWebGL2();
    const done = vi.fn();
    afterFrameCompletes(gl as unknown as WebGL2RenderingContext, performance.now(), done);
    vi.advanceTimersByTime(6000);
    expect(done).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    const cancel = afterFrameCompletes(gl as unknown as WebGL2RenderingContext, performance.now(), cancelled);
    vi.advanceTimersByTime(50);
    cancel();
    gl.gpuDone = true;
    vi.advanceTimersByTime(100);
    expect(cancelled).not.toHaveBeenCalled();
    expect(gl.deleted).toBe(gl.fences);
  });
});
