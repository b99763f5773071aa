// SQLite through better-sqlite3: WAL, synchronous=FULL (an event is on disk before its command is
// acknowledged). A writer connection for transactions, a reader for everything else, so a read
// never sees a write that has not committed.
import Database from 'better-sqlite3';
import { SerialQueue, type Row, type SqlDriver, type SqlSession, type SqlValue } from './sqlDriver';

function open(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

function sessionOf(db: Database.Database): SqlSession {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    async all(sql, params = []) {
      return prepare(sql).all(...(params as SqlValue[])) as Row[];
    },
    async run(sql, params = []) {
      const statement = prepare(sql);
      if (statement.reader) return statement.all(...(params as SqlValue[])).length;
      return statement.run(...(params as SqlValue[])).changes;
    },
  };
}

export function openSqliteDriver(file: string): SqlDriver {
  const writer = open(file);
  const reader = open(file);
  const writeSession = sessionOf(writer);
  const readSession = sessionOf(reader);
  const queue = new SerialQueue();
  let closed = false;
  return {
    dialect: 'sqlite',
    all: (sql, params) => readSession.all(sql, params),
    run: (sql, params) => queue.run(() => writeSession.run(sql, params)),
    transaction(work) {
      return queue.run(async () => {
        writer.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(writeSession);
          writer.exec('COMMIT');
          return result;
        } catch (error) {
          if (writer.inTransaction) writer.exec('ROLLBACK');
          throw error;
        }
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.run(async () => undefined);
      reader.close();
      writer.close();
    },
  };
}
