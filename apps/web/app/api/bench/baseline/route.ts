// Benchmark baseline (scripts/bench/api-overhead.ts): the same site read as `sites.get`, as one
// raw pg query with the same membership condition, without tRPC, sessions or Prisma.
// Answers 404 unless the server was started with DRAMAC_BENCH=1.
import pg from 'pg';

const globalForBench = globalThis as unknown as { benchPool?: pg.Pool };

export async function GET(req: Request) {
  if (process.env.DRAMAC_BENCH !== '1') return new Response('Not found', { status: 404 });
  const url = new URL(req.url);
  globalForBench.benchPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const { rows } = await globalForBench.benchPool.query(
    `select s.* from platform.sites s
       join platform.memberships m on m."agencyId" = s."agencyId" and m."userId" = $2
      where s.id = $1`,
    [url.searchParams.get('siteId'), url.searchParams.get('userId')],
  );
  if (!rows[0]) return new Response('Not found', { status: 404 });
  return Response.json(rows[0]);
}
