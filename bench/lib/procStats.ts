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
