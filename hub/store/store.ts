// The hub's persistence, written once over SqlDriver: the same code and tests on SQLite and PostgreSQL.
import type { CommandAck } from '../../shared/protocol/commands';
import type { EventDraft, HubEvent } from '../../shared/protocol/events';
import { MIGRATIONS } from './migrations';
import type { Row, SqlDriver, SqlSession } from './sqlDriver';
import type { AccountRecord, Anchors, AuditEntry, IncidentRecord, StoredCommand, StoredEvent, TaskRecord } from './records';

/** Writes available inside one transaction (see Store.write). */
export class StoreTx {
  constructor(private readonly sql: SqlSession) {}

  async getCommand(id: string): Promise<StoredCommand | undefined> {
    const [row] = await this.sql.all('SELECT id, username, type, ack FROM commands WHERE id = ?', [id]);
    return row ? commandOf(row) : undefined;
  }

  async putCommand(command: StoredCommand, nowMs: number): Promise<void> {
    await this.sql.run('INSERT INTO commands (id, username, type, ack, created_ms) VALUES (?, ?, ?, ?, ?)', [
      command.id,
      command.username,
      command.type,
      JSON.stringify(command.ack),
      nowMs,
    ]);
  }

  async getIncident(id: string): Promise<IncidentRecord | undefined> {
    const [row] = await this.sql.all('SELECT body FROM incidents WHERE id = ?', [id]);
    return row ? (JSON.parse(String(row.body)) as IncidentRecord) : undefined;
  }

  async putIncident(incident: IncidentRecord, nowMs: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO incidents (id, status, severity, units, body, updated_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, severity = excluded.severity,
         units = excluded.units, body = excluded.body, updated_ms = excluded.updated_ms`,
      [incident.incidentId, incident.status, incident.severity, JSON.stringify(incident.units), JSON.stringify(incident), nowMs],
    );
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    const [row] = await this.sql.all('SELECT body FROM tasks WHERE id = ?', [id]);
    return row ? (JSON.parse(String(row.body)) as TaskRecord) : undefined;
  }

  async putTask(task: TaskRecord, open: boolean, nowMs: number): Promise<void> {
    await this.sql.run(
      `INSERT INTO tasks (id, incident_id, state, from_unit, to_unit, holders, body, open, updated_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, to_unit = excluded.to_unit, holders = excluded.holders,
         body = excluded.body, open = excluded.open, updated_ms = excluded.updated_ms`,
      [task.taskId, task.incidentId, task.state, task.fromUnit, task.toUnit, JSON.stringify(task.holders), JSON.stringify(task), open ? 1 : 0, nowMs],
    );
  }

  async openTasks(): Promise<TaskRecord[]> {
    const rows = await this.sql.all('SELECT body FROM tasks WHERE open = 1 ORDER BY id');
    return rows.map((r) => JSON.parse(String(r.body)) as TaskRecord);
  }

  /** Appends one event and returns it stamped with its seq and time. */
  async appendEvent(draft: EventDraft, nowMs: number, anchors: Anchors): Promise<HubEvent> {
    const ts = new Date(nowMs).toISOString();
    const [row] = await this.sql.all('INSERT INTO events (ts, ts_ms, type, payload, anchors) VALUES (?, ?, ?, ?, ?) RETURNING seq', [
      ts,
      nowMs,
      draft.type,
      JSON.stringify(draft),
      JSON.stringify(anchors),
    ]);
    return { seq: Number(row?.seq), ts, ...draft } as HubEvent;
  }

  async audit(entry: AuditEntry, nowMs: number): Promise<void> {
    await insertAudit(this.sql, entry, nowMs);
  }
}

export class Store {
  constructor(private readonly driver: SqlDriver) {}

  get dialect() {
    return this.driver.dialect;
  }

  /** Applies pending migrations; returns the versions applied now. */
  async migrate(): Promise<number[]> {
    // Inside a write transaction: its lock keeps nodes starting together from racing on the DDL.
    await this.driver.transaction((tx) =>
      tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)'),
    );
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      const done = await this.driver.transaction(async (tx) => {
        const [row] = await tx.all('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
        if (row) return false;
        for (const statement of migration.sql(this.driver.dialect)) await tx.run(statement);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        return true;
      });
      if (done) applied.push(migration.version);
    }
    return applied;
  }

  async schemaVersion(): Promise<number> {
    const [row] = await this.driver.all('SELECT MAX(version) AS v FROM schema_migrations');
    return Number(row?.v ?? 0);
  }

  /** One transaction; nothing in it is visible to readers until it commits. */
  write<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.driver.transaction((sql) => work(new StoreTx(sql)));
  }

  async lastSeq(): Promise<number> {
    const [row] = await this.driver.all('SELECT MAX(seq) AS s FROM events');
    return Number(row?.s ?? 0);
  }

  /** Events with since < seq <= upTo (upTo optional), in seq order. */
  async eventsAfter(since: number, limit: number, upTo?: number): Promise<StoredEvent[]> {
    const rows =
      upTo === undefined
        ? await this.driver.all('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', [since, limit])
        : await this.driver.all('SELECT * FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?', [since, upTo, limit]);
    return rows.map(storedEventOf);
  }

  /** Events with fromMs <= ts < toMs and seq > afterSeq, in seq order. */
  async eventsBetween(fromMs: number, toMs: number, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const rows = await this.driver.all('SELECT * FROM events WHERE ts_ms >= ? AND ts_ms < ? AND seq > ? ORDER BY seq LIMIT ?', [
      fromMs,
      toMs,
      afterSeq,
      limit,
    ]);
    return rows.map(storedEventOf);
  }

  /**
   * The last seq whose time is at or before `atMs` (0 when none). A checkpoint counts too: it
   * outlives the sample events it folded, and is the nearest state at an old instant.
   */
  async lastSeqAt(atMs: number): Promise<number> {
    const [row] = await this.driver.all(
      `SELECT MAX(s) AS s FROM (SELECT MAX(seq) AS s FROM events WHERE ts_ms <= ?
         UNION ALL SELECT MAX(seq) AS s FROM checkpoints WHERE ts_ms <= ?) candidates`,
      [atMs, atMs],
    );
    return Number(row?.s ?? 0);
  }

  /**
   * Retention: deletes up to `limit` `indicator.samples` events older than `beforeMs`, oldest first,
   * in one short statement. Never the log's newest event: it holds the last seq a restart resumes from.
   */
  deleteSamplesBefore(beforeMs: number, limit: number): Promise<number> {
    return this.driver.run(
      `DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE type = 'indicator.samples' AND ts_ms < ?
         AND seq < (SELECT MAX(seq) FROM events) ORDER BY ts_ms LIMIT ?)`,
      [beforeMs, limit],
    );
  }

  /** Retention: of the checkpoints older than `beforeMs`, deletes up to `limit` that are not the last of their `bucketMs`. */
  thinCheckpointsBefore(beforeMs: number, bucketMs: number, limit: number): Promise<number> {
    return this.driver.run(
      `DELETE FROM checkpoints WHERE seq IN (SELECT seq FROM checkpoints WHERE ts_ms < ? AND seq NOT IN
         (SELECT MAX(seq) FROM checkpoints WHERE ts_ms < ? GROUP BY CAST(ts_ms / ? AS BIGINT)) ORDER BY seq LIMIT ?)`,
      [beforeMs, beforeMs, bucketMs, limit],
    );
  }

  async getCommand(id: string): Promise<StoredCommand | undefined> {
    const [row] = await this.driver.all('SELECT id, username, type, ack FROM commands WHERE id = ?', [id]);
    return row ? commandOf(row) : undefined;
  }

  async audit(entry: AuditEntry, nowMs: number): Promise<void> {
    await this.driver.transaction((sql) => insertAudit(sql, entry, nowMs));
  }

  async auditLog(limit = 100): Promise<(AuditEntry & { ts: string })[]> {
    const rows = await this.driver.all('SELECT * FROM audit ORDER BY id DESC LIMIT ?', [limit]);
    return rows.map((r) => ({
      ts: String(r.ts),
      username: String(r.username),
      ...(r.command_id != null ? { commandId: String(r.command_id) } : {}),
      ...(r.type != null ? { type: String(r.type) } : {}),
      outcome: String(r.outcome),
      ...(r.detail != null ? { detail: String(r.detail) } : {}),
    }));
  }

  async getIncident(id: string): Promise<IncidentRecord | undefined> {
    const [row] = await this.driver.all('SELECT body FROM incidents WHERE id = ?', [id]);
    return row ? (JSON.parse(String(row.body)) as IncidentRecord) : undefined;
  }

  async getTask(id: string): Promise<TaskRecord | undefined> {
    const [row] = await this.driver.all('SELECT body FROM tasks WHERE id = ?', [id]);
    return row ? (JSON.parse(String(row.body)) as TaskRecord) : undefined;
  }

  async openTasks(): Promise<TaskRecord[]> {
    const rows = await this.driver.all('SELECT body FROM tasks WHERE open = 1 ORDER BY id');
    return rows.map((r) => JSON.parse(String(r.body)) as TaskRecord);
  }

  /** Every task's holders and incident, for scoping task events. */
  async taskScopes(): Promise<{ taskId: string; incidentId: string; fromUnit: string; holders: string[] }[]> {
    const rows = await this.driver.all('SELECT id, incident_id, from_unit, holders FROM tasks');
    return rows.map((r) => ({ taskId: String(r.id), incidentId: String(r.incident_id), fromUnit: String(r.from_unit), holders: JSON.parse(String(r.holders)) as string[] }));
  }

  async incidentUnits(): Promise<{ incidentId: string; units: string[] }[]> {
    const rows = await this.driver.all('SELECT id, units FROM incidents');
    return rows.map((r) => ({ incidentId: String(r.id), units: JSON.parse(String(r.units)) as string[] }));
  }

  async getAccount(username: string): Promise<AccountRecord | undefined> {
    const [row] = await this.driver.all('SELECT * FROM accounts WHERE username = ?', [username]);
    if (!row) return undefined;
    return { username: String(row.username), passwordHash: String(row.password_hash), unit: String(row.unit), roles: JSON.parse(String(row.roles)) };
  }

  async putAccount(account: AccountRecord, nowMs: number): Promise<void> {
    await this.driver.transaction((sql) =>
      sql.run(
        `INSERT INTO accounts (username, password_hash, unit, roles, created_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, unit = excluded.unit, roles = excluded.roles`,
        [account.username, account.passwordHash, account.unit, JSON.stringify(account.roles), nowMs],
      ),
    );
  }

  /** Creates the accounts that do not exist yet (an existing one is left as it is), in one transaction; returns how many were created. */
  async addMissingAccounts(accounts: readonly AccountRecord[], nowMs: number): Promise<number> {
    return this.driver.transaction(async (sql) => {
      let created = 0;
      for (const account of accounts) {
        created += await sql.run(
          `INSERT INTO accounts (username, password_hash, unit, roles, created_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
          [account.username, account.passwordHash, account.unit, JSON.stringify(account.roles), nowMs],
        );
      }
      return created;
    });
  }

  /** The stored value, or `value` stored now when there was none (first writer wins). */
  async settingOrInit(key: string, value: string): Promise<string> {
    return this.driver.transaction(async (sql) => {
      await sql.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [key, value]);
      const [row] = await sql.all('SELECT value FROM settings WHERE key = ?', [key]);
      return String(row?.value);
    });
  }

  async putCheckpoint(seq: number, tsMs: number, state: string): Promise<void> {
    await this.driver.transaction((sql) =>
      sql.run('INSERT INTO checkpoints (seq, ts_ms, state) VALUES (?, ?, ?) ON CONFLICT (seq) DO NOTHING', [seq, tsMs, state]),
    );
  }

  /** The latest checkpoint at or below `seq`. */
  async checkpointAtOrBefore(seq: number): Promise<{ seq: number; state: string } | undefined> {
    const [row] = await this.driver.all('SELECT seq, state FROM checkpoints WHERE seq <= ? ORDER BY seq DESC LIMIT 1', [seq]);
    return row ? { seq: Number(row.seq), state: String(row.state) } : undefined;
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

function commandOf(row: Row): StoredCommand {
  return { id: String(row.id), username: String(row.username), type: String(row.type), ack: JSON.parse(String(row.ack)) as CommandAck };
}

function storedEventOf(row: Row): StoredEvent {
  const payload = JSON.parse(String(row.payload)) as Record<string, unknown>;
  return {
    event: { seq: Number(row.seq), ts: String(row.ts), ...payload } as HubEvent,
    anchors: JSON.parse(String(row.anchors)) as string[],
  };
}

async function insertAudit(sql: SqlSession, entry: AuditEntry, nowMs: number): Promise<void> {
  await sql.run('INSERT INTO audit (ts, username, command_id, type, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)', [
    new Date(nowMs).toISOString(),
    entry.username,
    entry.commandId ?? null,
    entry.type ?? null,
    entry.outcome,
    entry.detail ?? null,
  ]);
}
