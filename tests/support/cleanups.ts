import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * What a test started, undone after each test in reverse order (servers, cores, temp folders),
 * so a failing test still leaves nothing running.
 */
export function useCleanups() {
  const pending: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const undo of pending.splice(0).reverse()) await undo().catch(() => {});
  });
  return {
    defer(undo: () => Promise<unknown>): void {
      pending.push(undo);
    },
    async tempDir(prefix: string): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      pending.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}
