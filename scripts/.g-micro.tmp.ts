// temporary (engineer G): CPU cost of writing a batch of 500 log rows, Prisma createMany vs pg unnest
import { createDb } from '@dramac/db';
import pg from 'pg';
import { throwawayDatabase } from './lib/throwaway-db.ts';

const database = await throwawayDatabase('gmicro');
const db = createDb(database.url, { max: 2 });
const pool = new pg.Pool({ connectionString: database.url, max: 2 });
const rows = Array.from({ length: 500 }, (_, i) => ({
  createdAt: new Date(), siteId: 'cksite000000000000000000', clientKind: 'api_token' as const, clientId: 'cktoken00000000000000000',
  method: 'GET', route: '/api/v1/sites/{siteId}', status: 200, latencyMs: i % 50, ip: '203.0.113.7', userAgent: 'curl/8.5.0', origin: null,
}));
async function time(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < 40; i++) await fn();
  const wall = (performance.now() - t0) / 40; const cpu = process.cpuUsage(cpu0);
  console.log(`${name}: ${wall.toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000 / 40).toFixed(1)} ms node CPU per 500 rows`);
}
await time('prisma createMany', () => db.requestLog.createMany({ data: rows }));
const cols = ['createdAt','siteId','clientKind','clientId','method','route','status','latencyMs','ip','userAgent','origin'] as const;
await time('pg unnest', () => pool.query(
  `insert into external.request_log ("createdAt","siteId","clientKind","clientId",method,route,status,"latencyMs",ip,"userAgent",origin)
   select * from unnest($1::timestamp[], $2::text[], $3::external."ApiClientKind"[], $4::text[], $5::varchar[], $6::varchar[], $7::smallint[], $8::int[], $9::varchar[], $10::varchar[], $11::varchar[])`,
  cols.map((c) => rows.map((r) => (c === 'createdAt' ? r.createdAt.toISOString() : r[c]))),
));
const t0 = performance.now(); const buf: unknown[] = [];
for (let i = 0; i < 1_000_000; i++) buf.push({ ...rows[i % 500], latencyMs: Math.round(i % 7) });
console.log(`record-like append: ${((performance.now() - t0) / 1000).toFixed(3)} µs per row`);
await db.$disconnect(); await pool.end(); await database.stop();
