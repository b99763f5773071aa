import type { ThresholdState } from '../../../shared/protocol/indicators';
import type { SampleRing } from './sampleRing';

/** The part of a 2D canvas context a sparkline uses (a fake one records calls in tests). */
export interface SparklineContext {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
}

/** Canvas cannot read CSS variables cheaply: these mirror --accent, --warn and --bad in tokens.css. */
export const SPARKLINE_COLOURS: Record<ThresholdState, string> = { normal: '#3ec7ff', warning: '#ffc53d', alarm: '#ff5b5b' };

/**
 * Draws the ring's values across the whole width (the newest at the right edge), scaled to their
 * own min…max, with a dot on the newest value. Writes only: it reads nothing from layout.
 */
export function drawSparkline(ctx: SparklineContext, ring: SampleRing, width: number, height: number, state: ThresholdState): void {
  ctx.clearRect(0, 0, width, height);
  const n = ring.length;
  if (n === 0) return;
  let min = Infinity;
  let max = -Infinity;
  ring.forEach((v) => {
    if (v < min) min = v;
    if (v > max) max = v;
  });
  const pad = 3;
  const span = max - min || 1;
  const step = (width - 2 * pad) / Math.max(1, ring.capacity - 1);
  const x0 = width - pad - (n - 1) * step;
  const y = (v: number) => (max === min ? height / 2 : pad + (1 - (v - min) / span) * (height - 2 * pad));
  ctx.strokeStyle = SPARKLINE_COLOURS[state];
  ctx.lineWidth = 2;
  ctx.beginPath();
  ring.forEach((v, i) => (i === 0 ? ctx.moveTo(x0, y(v)) : ctx.lineTo(x0 + i * step, y(v))));
  ctx.stroke();
  ctx.fillStyle = SPARKLINE_COLOURS[state];
  ctx.fillRect(width - pad - 2.5, y(ring.latest() as number) - 2.5, 5, 5);
}
