import { readdirSync, readFileSync } from 'node:fs';

/**
 * How much of the machine other work took while a scenario ran: all busy CPU time (/proc/stat)
 * minus that of the bench's own processes, MariaDB and Redis. Linux only; elsewhere it reports
 * nothing.
 */
export interface CpuWatch {
  /** The share of all cores (0..1) that other processes used since `start`, or null. */
  stop(): number | null;
}

const SERVICES = new Set(['mariadbd', 'mysqld', 'redis-server']);

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function servicePids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^[0-9]+$/.test(name))
      .filter((pid) => SERVICES.has(read(`/proc/${pid}/comm`)?.trim() ?? ''))
      .map(Number);
  } catch {
    return [];
  }
}

/** utime + stime of a process, in clock ticks (0 once it is gone). */
function processTicks(pid: number): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function machineTicks(): { busy: number; all: number } | undefined {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .split(/\s+/)
    .slice(1, 9)
    .map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busy, all: busy + idle! + iowait! };
}

export function watchCpu(ownPids: readonly number[]): CpuWatch {
  const pids = [...ownPids, ...servicePids()];
  const ours = () => pids.reduce((sum, pid) => sum + processTicks(pid), 0);
  const machine0 = machineTicks();
  const ours0 = ours();
  return {
    stop() {
      const machine1 = machineTicks();
      if (!machine0 || !machine1 || machine1.all <= machine0.all) return null;
      const other = machine1.busy - machine0.busy - (ours() - ours0);
      return Math.max(0, other / (machine1.all - machine0.all));
    },
  };
}
