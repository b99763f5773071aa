import type { Parsed } from '../../shared/validation';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. `{component: 'outbox'}`). */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where a finished JSON line goes; stderr by default (stdout stays free for the shells). */
  write?: (line: string) => void;
  base?: LogFields;
  now?: () => number;
}

/** Leveled logger writing one JSON object per line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = RANK[options.level ?? levelFromEnv()];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const now = options.now ?? Date.now;
  const make = (base: LogFields): Logger => {
    const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
      if (RANK[level] < min) return;
      write(JSON.stringify({ t: new Date(now()).toISOString(), level, msg, ...base, ...fields }, errorReplacer));
    };
    return {
      debug: log('debug'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make(options.base ?? {});
}

/** A logger that drops everything, for tests that do not look at logs. */
export const silentLogger: Logger = createLogger({ level: 'error', write: () => {} });

function levelFromEnv(): LogLevel {
  const value = process.env.WALL_LOG_LEVEL;
  return value === 'debug' || value === 'info' || value === 'warn' || value === 'error' ? value : 'info';
}

function errorReplacer(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/**
 * Counts and logs every inbound payload that failed its schema: one line
 * `{msg:'rejected', source, field, message}` each, totals per source for `status()`.
 */
export class Rejections {
  private readonly counts = new Map<string, number>();
  constructor(private readonly logger: Logger) {}

  record(source: string, failure: Extract<Parsed<unknown>, { ok: false }>, extra?: LogFields): void {
    this.counts.set(source, (this.counts.get(source) ?? 0) + 1);
    this.logger.warn('rejected', { source, field: failure.field, message: failure.message, ...extra });
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  bySource(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}
