// CPU time and memory of a process tree, read from /proc (Linux): what a browser and its
// renderer, GPU and utility processes cost together.
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): { ppid: number; cpuSeconds: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces and parentheses: fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    (children.get(pid) ?? []).forEach(visit);
  };
  visit(root);
  return tree;
}

/** User + system CPU seconds the processes have used so far. */
export function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (readStat(pid)?.cpuSeconds ?? 0), 0);
}

/** Proportional set size in bytes (shared pages split between the processes sharing them). */
export function pssBytes(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      return sum + (match ? Number(match[1]) * 1024 : 0);
    } catch {
      return sum;
    }
  }, 0);
}

export interface MemoryBytes {
  /** Proportional set size. */
  pss: number;
  /**
   * The anonymous and shared-memory part of it: what the processes allocated themselves. The
   * rest (file pages: Chromium's binary, fonts) is split with every other process mapping the
   * same files, so it moves when another Chromium starts or stops on the machine.
   */
  anonShmem: number;
}

/** PSS in bytes of the processes, whole and without file pages. */
export function memoryBytes(pids: readonly number[]): MemoryBytes {
  const out = { pss: 0, anonShmem: 0 };
  for (const pid of pids) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024;
      out.pss += field('Pss');
      out.anonShmem += field('Pss_Anon') + field('Pss_Shmem');
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU use of a process tree over a window, as a share of one core (1 = one core busy). */
export class CpuWindow {
  private readonly startedAt = performance.now();
  private readonly start: Map<number, number>;

  constructor(private readonly pids: () => number[]) {
    this.start = new Map(pids().map((pid) => [pid, cpuSeconds([pid])]));
  }

  /** Cores busy on average since the window opened (processes that appeared since count from 0). */
  cores(): number {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const used = this.pids().reduce((sum, pid) => sum + cpuSeconds([pid]) - (this.start.get(pid) ?? 0), 0);
    return used / seconds;
  }
}

/** What a Chromium process does, from its command line: `browser`, `renderer`, `gpu`, `network`, or `other`. */
export type ProcessRole = 'browser' | 'renderer' | 'gpu' | 'network' | 'other';
export const PROCESS_ROLES: readonly ProcessRole[] = ['browser', 'renderer', 'gpu', 'network', 'other'];

export function chromiumRole(commandLine: readonly string[]): ProcessRole {
  const type = commandLine.find((arg) => arg.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return 'browser';
  if (type === 'renderer') return 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility' && commandLine.some((arg) => arg.startsWith('--utility-sub-type=network.'))) return 'network';
  return 'other'; // zygotes, storage, audio
}

function commandLine(pid: number): string[] {
  try {
    // Chromium rewrites its child processes' titles: arguments are then separated by spaces, not NULs
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/).filter(Boolean);
  } catch {
    return [];
  }
}

/** PSS in bytes of a Chromium process tree, by role. */
export function pssByRole(pids: readonly number[]): Record<ProcessRole, number> {
  const out = Object.fromEntries(PROCESS_ROLES.map((role) => [role, 0])) as Record<ProcessRole, number>;
  for (const pid of pids) out[chromiumRole(commandLine(pid))] += pssBytes([pid]);
  return out;
}

/** Share of the whole machine's CPU time that was busy between two readings of /proc/stat (0–1). */
export class MachineBusy {
  private readonly start = MachineBusy.read();

  private static read(): { busy: number; total: number } {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return { busy: total - idle, total };
  }

  share(): number {
    const end = MachineBusy.read();
    const total = end.total - this.start.total;
    return total > 0 ? (end.busy - this.start.busy) / total : 0;
  }
}

/** User + system CPU seconds used so far by a Chromium process tree, by role. */
export function cpuSecondsByRole(pids: readonly number[]): Record<ProcessRole, number> {
  const out = Object.fromEntries(PROCESS_ROLES.map((role) => [role, 0])) as Record<ProcessRole, number>;
  for (const pid of pids) out[chromiumRole(commandLine(pid))] += cpuSeconds([pid]);
  return out;
}
