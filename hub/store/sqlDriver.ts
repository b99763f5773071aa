// The few primitives both databases provide; the Store is written once on top of them.
// SQL uses `?` placeholders; the PostgreSQL driver renumbers them to `$n`.
import type { Dialect } from './migrations';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlSession {
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Resolves with the number of rows the statement changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDriver extends SqlSession {
  readonly dialect: Dialect;
  /**
   * One write transaction at a time across the whole deployment (SQLite: one writer; PostgreSQL:
   * an advisory lock), so events commit in seq order and a tail read never skips one.
   */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A promise chain that runs tasks one after another. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
