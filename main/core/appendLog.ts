import { mkdir, open, rename, readFile, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A durable JSON-lines file: `append` resolves only after the line is fsynced. Appends are
 * serialised, so lines land in call order.
 */
export class AppendLog {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private handle: FileHandle,
  ) {}

  /** Reads the existing lines (a torn last line is dropped), rewrites the file with `compact(lines)`, opens it for appends. */
  static async open(path: string, compact: (lines: unknown[]) => unknown[]): Promise<{ log: AppendLog; lines: unknown[] }> {
    await mkdir(dirname(path), { recursive: true });
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const lines: unknown[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line));
      } catch {
        // a line torn by a crash mid-write: everything before it is intact
      }
    }
    const kept = compact(lines);
    const tmp = `${path}.tmp`;
    const out = await open(tmp, 'w');
    await out.writeFile(kept.map((l) => JSON.stringify(l) + '\n').join(''));
    await out.sync();
    await out.close();
    await rename(tmp, path);
    await syncDir(dirname(path));
    return { log: new AppendLog(path, await open(path, 'a')), lines: kept };
  }

  append(record: unknown): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    const next = this.chain.then(async () => {
      await this.handle.write(line);
      await this.handle.sync();
    });
    this.chain = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle.sync().catch(() => {}); // not every filesystem lets a directory be fsynced
  await handle.close();
}
