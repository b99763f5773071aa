// Versioned schema: append a migration, never edit one that has shipped. Each runs once, in
// order, inside a transaction, and is recorded in `schema_migrations`.
export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql(dialect: Dialect): string[];
}

const serialKey = (dialect: Dialect) => (dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY');
const bigint = (dialect: Dialect) => (dialect === 'sqlite' ? 'INTEGER' : 'BIGINT');

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, commands, audit, accounts, settings',
    sql: (d) => [
      `CREATE TABLE events (
        seq ${serialKey(d)},
        ts TEXT NOT NULL,
        ts_ms ${bigint(d)} NOT NULL,
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        anchors TEXT NOT NULL
      )`,
      'CREATE INDEX events_ts_ms ON events (ts_ms)',
      `CREATE TABLE commands (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        type TEXT NOT NULL,
        ack TEXT NOT NULL,
        created_ms ${bigint(d)} NOT NULL
      )`,
      `CREATE TABLE audit (
        id ${serialKey(d)},
        ts TEXT NOT NULL,
        username TEXT NOT NULL,
        command_id TEXT,
        type TEXT,
        outcome TEXT NOT NULL,
        detail TEXT
      )`,
      `CREATE TABLE accounts (
        username TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        unit TEXT NOT NULL,
        roles TEXT NOT NULL,
        created_ms ${bigint(d)} NOT NULL
      )`,
      'CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
    ],
  },
  {
    version: 2,
    name: 'incidents and tasks (current state)',
    sql: (d) => [
      `CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        severity INTEGER NOT NULL,
        units TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_ms ${bigint(d)} NOT NULL
      )`,
      `CREATE TABLE tasks (
        id TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        state TEXT NOT NULL,
        from_unit TEXT NOT NULL,
        to_unit TEXT NOT NULL,
        holders TEXT NOT NULL,
        body TEXT NOT NULL,
        open INTEGER NOT NULL,
        updated_ms ${bigint(d)} NOT NULL
      )`,
      'CREATE INDEX tasks_open ON tasks (open)',
    ],
  },
  {
    version: 3,
    name: 'snapshot checkpoints',
    sql: (d) => [`CREATE TABLE checkpoints (seq ${bigint(d)} PRIMARY KEY, ts_ms ${bigint(d)} NOT NULL, state TEXT NOT NULL)`],
  },
  {
    version: 4,
    name: 'retention: find old samples and checkpoints by time',
    // (type, ts_ms): the retention job reaches old sample events without walking the incident and
    // task events kept forever.
    sql: () => ['CREATE INDEX events_type_ts_ms ON events (type, ts_ms)', 'CREATE INDEX checkpoints_ts_ms ON checkpoints (ts_ms)'],
  },
];
