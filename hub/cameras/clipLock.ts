import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';

/** A holder that has not finished within this long is assumed stuck. */
const STALE_AFTER_MS = 10 * 60_000;
const POLL_MS = 200;

/**
 * Runs `work` while holding a cross-process lock: a directory created with mkdir (atomic on
 * every filesystem we care about). A lock left by a dead process, or an old one, is broken.
 */
export async function withDirectoryLock<T>(lockDir: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + STALE_AFTER_MS + 60_000;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isAbandoned(lockDir)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    await writeFile(`${lockDir}/owner.json`, JSON.stringify({ pid: process.pid, at: Date.now() }));
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function isAbandoned(lockDir: string): Promise<boolean> {
  try {
    const { mtimeMs } = await stat(lockDir);
    if (Date.now() - mtimeMs > STALE_AFTER_MS) return true;
    const owner = JSON.parse(await readFile(`${lockDir}/owner.json`, 'utf8')) as { pid?: unknown };
    return typeof owner.pid === 'number' && !isProcessAlive(owner.pid);
  } catch {
    // owner file not written yet (the holder just created the lock) or the lock vanished
    return false;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
