// Values for every indicator each second: baseline + a daily swing by the hour in Chongqing
// (UTC+8) + smooth noise (AR(1)) + excursions toward a target (random anomalies, episodes).
import type { DailyRhythm, IndicatorDefinition } from '../catalog';
import type { Random } from '../hierarchy';

const HOUR_MS = 3_600_000;
const CHONGQING_UTC_OFFSET_H = 8;

/** 0…1: how far into its daily peak a rhythm is at hour `h` (0–24, fractional). */
export function rhythmAt(rhythm: DailyRhythm, h: number): number {
  const bump = (centre: number, width: number) => {
    const d = Math.min(Math.abs(h - centre), 24 - Math.abs(h - centre));
    return Math.exp(-(d * d) / (2 * width * width));
  };
  switch (rhythm) {
    case 'commute': return Math.max(bump(8, 1.2), bump(18, 1.5));
    case 'daytime': return 0.5 * (1 + Math.cos((2 * Math.PI * (h - 14)) / 24));
    case 'evening': return bump(21, 2.5);
    case 'flat': return 0;
  }
}

/** An excursion of one indicator toward `target`: ramp up, hold, ramp back. */
export interface Excursion {
  target: number;
  start: number;
  rampUpMs: number;
  holdMs: number;
  rampDownMs: number;
}

function envelope(e: Excursion, now: number): number {
  const t = now - e.start;
  if (t <= 0) return 0;
  if (t < e.rampUpMs) return t / e.rampUpMs;
  if (t < e.rampUpMs + e.holdMs) return 1;
  const down = t - e.rampUpMs - e.holdMs;
  return down < e.rampDownMs ? 1 - down / e.rampDownMs : 0;
}

function roundValue(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export class IndicatorSampler {
  private readonly noiseState: Float64Array;
  private readonly excursions = new Map<string, Excursion>();
  private readonly indexById: Map<string, number>;

  constructor(readonly indicators: readonly IndicatorDefinition[], private readonly random: Random) {
    this.noiseState = new Float64Array(indicators.length);
    this.indexById = new Map(indicators.map((indicator, i) => [indicator.id, i]));
  }

  /** One sample per indicator at `now`. */
  sample(now: number): { id: string; value: number; at: string }[] {
    const at = new Date(now).toISOString();
    const hour = (((now / HOUR_MS + CHONGQING_UTC_OFFSET_H) % 24) + 24) % 24;
    return this.indicators.map((indicator, i) => {
      // AR(1) keeps the noise smooth second to second while its spread stays `noise`.
      const noise = 0.9 * (this.noiseState[i] as number) + 0.436 * this.random.normal();
      this.noiseState[i] = noise;
      return { id: indicator.id, value: roundValue(this.valueAt(indicator, hour, noise, now)), at };
    });
  }

  /** Sends `id` toward `target`; replaces any excursion already under way. */
  excursion(id: string, excursion: Excursion): void {
    if (this.indexById.has(id)) this.excursions.set(id, excursion);
  }

  isExcursing(id: string, now: number): boolean {
    const e = this.excursions.get(id);
    return !!e && now < e.start + e.rampUpMs + e.holdMs + e.rampDownMs;
  }

  /** Drops finished excursions so the map does not grow over a long run. */
  prune(now: number): void {
    for (const [id, e] of this.excursions) if (now >= e.start + e.rampUpMs + e.holdMs + e.rampDownMs) this.excursions.delete(id);
  }

  private valueAt(indicator: IndicatorDefinition, hour: number, noise: number, now: number): number {
    let value = indicator.baseline + indicator.amplitude * rhythmAt(indicator.rhythm, hour) + indicator.noise * noise;
    const excursion = this.excursions.get(indicator.id);
    if (excursion) value += (excursion.target - value) * envelope(excursion, now);
    if (indicator.floor !== undefined) value = Math.max(indicator.floor, value);
    if (indicator.ceiling !== undefined) value = Math.min(indicator.ceiling, value);
    return value;
  }
}

/** A value past the warn (or, when `alarm`, the alarm) threshold, on the indicator's bad side. */
export function valuePast(indicator: IndicatorDefinition, alarm: boolean): number {
  const { warn, alarm: alarmAt, direction } = indicator.thresholds;
  const gap = Math.abs(alarmAt - warn);
  const sign = direction === 'above' ? 1 : -1;
  const value = alarm ? alarmAt + sign * gap * 0.3 : warn + sign * gap * 0.5;
  return indicator.floor !== undefined ? Math.max(indicator.floor, value) : value;
}
