import { z } from 'zod';
import { Board } from './common';
import { UnitCode } from './units';

export const Thresholds = z.object({
  warn: z.number(),
  alarm: z.number(),
  /** `above`: higher is worse; `below`: lower is worse. */
  direction: z.enum(['above', 'below']),
});
export type Thresholds = z.infer<typeof Thresholds>;

export const Indicator = z.object({
  id: z.string().min(1),
  name: z.string(),
  board: Board,
  unit: UnitCode,
  thresholds: Thresholds,
  /** Extension: the physical unit of the value (e.g. "mg/L"). */
  measure: z.string().optional(),
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorList = z.array(Indicator);

export const IndicatorSample = z.object({ id: z.string().min(1), value: z.number(), at: z.string() });
export type IndicatorSample = z.infer<typeof IndicatorSample>;

export type ThresholdState = 'normal' | 'warning' | 'alarm';

/** Where a value stands against its thresholds: the one rule hub and views share. */
export function thresholdState(value: number, t: Thresholds): ThresholdState {
  const worse = (a: number, b: number) => (t.direction === 'above' ? a >= b : a <= b);
  if (worse(value, t.alarm)) return 'alarm';
  if (worse(value, t.warn)) return 'warning';
  return 'normal';
}
