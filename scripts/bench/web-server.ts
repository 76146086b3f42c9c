// The benchmark's web process: the production build behind Next's request handler, plus one route
// of the benchmark's own that the product does not have: GET /bench/baseline, the same site read
// as `sites.get` as one raw `pg` query with the same membership condition (no tRPC, session or
// Prisma), the physical limit of this machine for that read. Both are served by this one
// process, so they share its core alike.
// Usage (by the benchmarks): node --import tsx scripts/bench/web-server.ts <port>
// with DATABASE_URL, NEXT_DIST_DIR and the app's settings in the environment.
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { WEB } from '../lib/runtime.ts';

const port = Number(process.argv[2]);
// `next` belongs to the dashboard's package: loaded from there, described by what is used of it
interface NextApp {
  prepare(): Promise<void>;
  getRequestHandler(): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  close(): Promise<void>;
}
const next = createRequire(`${WEB}/package.json`)('next') as (opts: object) => NextApp;
const app = next({ dev: false, dir: WEB, hostname: '127.0.0.1', port });
await app.prepare();
const handle = app.getRequestHandler();
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

async function baseline(url: URL, res: http.ServerResponse) {
  const { rows } = await pool.query(
    `select s.* from platform.sites s
       join platform.memberships m on m."agencyId" = s."agencyId" and m."userId" = $2
      where s.id = $1`,
    [url.searchParams.get('siteId'), url.searchParams.get('userId')],
  );
  if (!rows[0]) res.writeHead(404).end('Not found');
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(rows[0]));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  const served = url.pathname === '/bench/baseline' ? baseline(url, res) : handle(req, res);
  served.catch((err: Error) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void pool
    .end()
    .then(() => app.close())
    .finally(() => process.exit(0));
});
