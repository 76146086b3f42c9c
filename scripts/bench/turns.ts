// What every HTTP benchmark here shares, so none can report a figure it did not earn:
// - targets are measured in rotating turns of a few seconds after a warm-up each, so a shared
//   machine whose load changes during the run weighs on every target alike;
// - every answer is checked: a status the target did not ask for (a 429, a 401, a 500) or a
//   client error (timeout, reset) fails the run after the table is printed;
// - beside req/s and p50/p99 it prints the CPU time each request cost the web process (its whole
//   process tree) and PostgreSQL, read from /proc (Linux), and the load average.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';

export const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
  /** the web process whose tree serves it (its CPU time is charged to the target's turns) */
  pid: number;
  /** statuses this target asks for; anything else fails the run (default: 2xx) */
  expect?: (status: number) => boolean;
}

export interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** answers with a status the target did not ask for */
  unexpected: number;
  /** client-side failures: timeouts, resets, refused connections */
  errors: number;
  /** every answer, warm-up included, and the runs (each may leave `connections` requests in flight) */
  answered: number;
  runs: number;
  /** CPU ms per request: the web process tree, and PostgreSQL */
  webCpu: number;
  dbCpu: number;
}

// ---- CPU time from /proc ----
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

type ProcessTable = Map<number, { ppid: number; comm: string; cpuMs: number }>;

/** Every process: its parent and CPU time (ms); empty where there is no /proc. */
function processes(): ProcessTable {
  const table: ProcessTable = new Map();
  if (!fs.existsSync('/proc/self/stat')) return table;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      table.set(Number(entry), { ppid: Number(fields[1]), comm, cpuMs: (ticks * 1000) / CLK_TCK });
    } catch {} // it exited meanwhile
  }
  return table;
}

/** The pids of `root` and all its descendants. */
function tree(table: ProcessTable, root: number): number[] {
  const pids: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    pids.push(pid);
    for (const [child, p] of table) if (p.ppid === pid) stack.push(child);
  }
  return pids;
}

/** CPU time (ms) `root`'s tree spent between two readings; processes that exited meanwhile are not counted. */
function cpuBetween(before: ProcessTable, after: ProcessTable, root: number): number {
  return tree(after, root).reduce((sum, pid) => sum + after.get(pid)!.cpuMs - (before.get(pid)?.cpuMs ?? 0), 0);
}

/** This process's PostgreSQL (the throwaway server, a child of ours): the postmaster's pid. */
function postmaster(table: ProcessTable): number | undefined {
  return tree(table, process.pid).find(
    (pid) => table.get(pid)?.comm === 'postgres' && table.get(table.get(pid)!.ppid)?.comm !== 'postgres',
  );
}

/** Starts a CPU meter: the returned function tells the ms `pid`'s tree and PostgreSQL spent since. */
export function cpuSince(pid: number): () => { process: number; db: number } {
  const before = processes();
  const pg = postmaster(before);
  return () => {
    const after = processes();
    return { process: cpuBetween(before, after, pid), db: pg ? cpuBetween(before, after, pg) : 0 };
  };
}

// ---- runs ----
interface Tally {
  latencies: number[];
  unexpected: number;
  errors: number;
  seconds: number;
  webCpuMs: number;
  dbCpuMs: number;
  /** a few of the unexpected answers, to say what went wrong */
  samples: string[];
}

export interface RunOptions {
  connections: number;
  /** seconds of measurement per target, in turns of `slice` seconds */
  duration: number;
  slice?: number;
  /** seconds of load per target before measuring (JIT, pools, caches) */
  warmUp?: number;
  /** client timeout per request, seconds */
  timeout?: number;
}

async function run(target: Target, tally: Tally | null, seconds: number, opts: RunOptions): Promise<number> {
  const before = tally ? processes() : null;
  const pg = before && postmaster(before);
  let answered = 0;
  const expected = target.expect ?? ((status: number) => status >= 200 && status < 300);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: target.url, headers: target.headers, connections: opts.connections, duration: seconds, timeout: opts.timeout ?? 10 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      answered++;
      if (!tally) return;
      if (!expected(status)) {
        tally.unexpected++;
        if (tally.samples.length < 3) tally.samples.push(String(status));
      }
      tally.latencies.push(ms);
    });
  });
  if (!tally || !before) return answered;
  tally.errors += result.errors;
  tally.seconds += seconds;
  const after = processes();
  tally.webCpuMs += cpuBetween(before, after, target.pid);
  if (pg) tally.dbCpuMs += cpuBetween(before, after, pg);
  return answered;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Measures every target in rotating turns; returns their figures (in the targets' order). */
export async function measureInTurns(targets: Target[], opts: RunOptions): Promise<Figures[]> {
  const slice = opts.slice ?? 2;
  const tallies = targets.map(
    (): Tally => ({ latencies: [], unexpected: 0, errors: 0, seconds: 0, webCpuMs: 0, dbCpuMs: 0, samples: [] }),
  );
  const answered = targets.map(() => 0);
  const runs = targets.map(() => 0);
  for (let k = 0; k < targets.length; k++) {
    answered[k]! += await run(targets[k]!, null, opts.warmUp ?? 5, opts);
    runs[k]!++;
  }
  const turns = Math.max(1, Math.round(opts.duration / slice));
  for (let turn = 0; turn < turns; turn++) {
    for (let i = 0; i < targets.length; i++) {
      const k = (turn + i) % targets.length;
      answered[k]! += await run(targets[k]!, tallies[k]!, slice, opts);
      runs[k]!++;
    }
  }
  return targets.map((t, i) => {
    const tally = tallies[i]!;
    const sorted = [...tally.latencies].sort((a, b) => a - b);
    const n = Math.max(1, sorted.length);
    if (tally.samples.length > 0) console.error(`${t.name}: unexpected statuses, e.g. ${tally.samples.join(', ')}`);
    return {
      name: t.name,
      requests: sorted.length,
      rps: sorted.length / tally.seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      unexpected: tally.unexpected,
      errors: tally.errors,
      answered: answered[i]!,
      runs: runs[i]!,
      webCpu: tally.webCpuMs / n,
      dbCpu: tally.dbCpuMs / n,
    };
  });
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The figures as a table, with ratios to `base` (by name); marks the run failed on any bad answer. */
export function printFigures(rows: Figures[], base: string): void {
  const b = rows.find((r) => r.name === base) ?? rows[0]!;
  const ratio = (value: number, of: number) => `${(value / of).toFixed(2)}x`;
  const header = [
    'target',
    'req/s',
    'p50 ms',
    'p99 ms',
    'bad',
    'errors',
    'web CPU ms/req',
    'db CPU ms/req',
    `req/s vs ${b.name}`,
    `p99 vs ${b.name}`,
    `CPU/req vs ${b.name}`,
  ];
  const lines = rows.map((r) => [
    r.name,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.unexpected),
    String(r.errors),
    r.webCpu.toFixed(3),
    r.dbCpu.toFixed(3),
    ratio(r.rps, b.rps),
    ratio(r.p99, b.p99),
    ratio(r.webCpu + r.dbCpu, b.webCpu + b.dbCpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(format(header));
  for (const l of lines) console.log(format(l));
  const bad = rows.filter((r) => r.unexpected > 0 || r.errors > 0);
  if (bad.length > 0) {
    console.error(
      `\nFAILED: ${bad.map((r) => `${r.name} (${r.unexpected} unexpected statuses, ${r.errors} errors)`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

/** Stops a child process and waits for it to exit. */
export async function stop(child: {
  exitCode: number | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', fn: () => void): unknown;
}): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
