// Keeps the processes of `pnpm start` running, as systemd's Restart=on-failure would: a process
// that dies is started again after a pause that grows while it keeps dying young, and given up
// on, loudly, after repeated quick failures. Each process is watched on its own, so the web keeps
// serving when the worker dies and the other way round.
import { type ChildProcess, spawn } from 'node:child_process';

export interface Running {
  pid: number | undefined;
  /** resolves when the process has exited, with why */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface SupervisedSpec {
  name: string;
  /** starts the process; resolves once it runs */
  start(): Promise<Running>;
}

export interface SupervisorOptions {
  say(line: string): void;
  /** called once a process has failed too often in a row; the caller stops everything */
  giveUp(name: string): void;
  /** a process that lived shorter than this died young (default 30 s) */
  youngMs?: number;
  /** quick deaths in a row before giving up (default 6: pauses of 0.5, 1, 2, 4, 8 s first) */
  maxQuickDeaths?: number;
}

export interface Supervised {
  readonly name: string;
  /** the current process id (changes with each restart) */
  pid(): number | undefined;
  /** how many times it was restarted */
  restarts(): number;
  /** stops it for good */
  stop(): Promise<void>;
}

export function supervise(spec: SupervisedSpec, opts: SupervisorOptions): Supervised {
  let stopping = false;
  let current: Running | null = null;
  let restarts = 0;
  let wake: (() => void) | null = null;
  const youngMs = opts.youngMs ?? 30_000;
  const maxQuickDeaths = opts.maxQuickDeaths ?? 6;

  const loop = async () => {
    let quickDeaths = 0;
    while (!stopping) {
      const startedAt = Date.now();
      try {
        current = await spec.start();
        const why = await current.exited;
        current = null;
        if (stopping) return;
        opts.say(`${spec.name} ${why}`);
      } catch (err) {
        current = null;
        if (stopping) return;
        opts.say(`${spec.name} could not start: ${(err as Error).message.split('\n')[0]}`);
      }
      quickDeaths = Date.now() - startedAt < youngMs ? quickDeaths + 1 : 1;
      if (quickDeaths > maxQuickDeaths) {
        opts.say(`${spec.name} failed ${quickDeaths} times in a row: giving up`);
        opts.giveUp(spec.name);
        return;
      }
      const pause = Math.min(10_000, 500 * 2 ** (quickDeaths - 1));
      opts.say(`restarting ${spec.name} in ${(pause / 1000).toFixed(1)} s`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pause);
      });
      wake = null;
      restarts++;
    }
  };
  void loop();

  return {
    name: spec.name,
    pid: () => current?.pid,
    restarts: () => restarts,
    async stop() {
      stopping = true;
      wake?.();
      await current?.stop();
    },
  };
}

/** A child process as a Running: stop() asks with SIGTERM, then SIGKILLs after `killAfterMs`. */
export function running(child: ChildProcess, killAfterMs = 15_000): Running {
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `was killed (${signal})` : `exited (code ${code})`));
  });
  return {
    pid: child.pid,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Spawns a command with its output relayed line by line through `relay`. */
export function spawnRelayed(
  cmd: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; relay: (line: string, stream: 'out' | 'err') => void },
): ChildProcess {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, name] of [
    [child.stdout, 'out'],
    [child.stderr, 'err'],
  ] as const) {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line) opts.relay(line, name);
    });
  }
  return child;
}
