// Runs the embedded PostgreSQL as its own process in its own process group (see local.ts), so a
// Ctrl-C in the terminal reaches the dashboard and the worker first and PostgreSQL is stopped
// last, by its parent, after they have let go of their connections. Stops when told (SIGTERM) or
// when its parent goes away (stdin closes).
import { startEmbeddedPostgres } from './embedded.ts';

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
  process.stdout.write(`ready\n`);
} catch (err) {
  process.stdout.write(`error ${JSON.stringify({ message: (err as Error).message, log: log.slice(-20) })}\n`);
  process.exit(1);
}
