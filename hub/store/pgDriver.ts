// PostgreSQL through a `pg` pool. Write transactions take one advisory lock first, so hub nodes
// sharing the database commit events strictly in seq order (a BIGSERIAL alone may commit 10 before 9).
import pg from 'pg';
import { SerialQueue, type Row, type SqlDriver, type SqlSession, type SqlValue } from './sqlDriver';

const APPEND_LOCK = 770_077;

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function sessionOf(client: pg.Pool | pg.PoolClient): SqlSession {
  return {
    async all(sql, params = []) {
      return (await client.query(numbered(sql), params as SqlValue[])).rows as Row[];
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), params as SqlValue[])).rowCount ?? 0;
    },
  };
}

// BIGINT (int8) arrives as a string by default; every bigint here is a seq or a millisecond time.
pg.types.setTypeParser(20, (value) => Number(value));

/** `schema`: tables live in this schema (tests give each run its own). */
export function openPgDriver(connectionString: string, schema?: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  pool.on('error', () => undefined); // an idle client dropped by the server: the pool replaces it
  const poolSession = sessionOf(pool);
  // Within one process, queue writers so they do not all hold pool clients waiting on the lock.
  const queue = new SerialQueue();
  return {
    dialect: 'postgres',
    all: poolSession.all,
    run: poolSession.run,
    transaction(work) {
      return queue.run(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK]);
          const result = await work(sessionOf(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    },
    async close() {
      await queue.run(async () => undefined);
      await pool.end();
    },
  };
}
