// The request log keeps what it could not write before a clean shutdown (the database was down)
// in a spool file, and the next writer to start writes it: a restart during an outage loses no row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { scenario } from '../../testing/harness.ts';
import { RequestLogWriter } from './request-log.ts';

const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-spool-test-'));
afterAll(() => fs.rmSync(spoolDir, { recursive: true, force: true }));

it('spools the buffer when the database is down at shutdown, and the next start writes it', async () => {
  const s = await scenario();
  const site = await s.site(await s.user('Spool'));
  // nothing listens on port 1: every write fails, as during an outage
  const down = new RequestLogWriter('postgresql://postgres:postgres@127.0.0.1:1/dramac', {
    spoolDir,
    flushIntervalMs: 3_600_000,
  });
  for (let i = 0; i < 3; i++) {
    down.record({
      createdAt: new Date(),
      siteId: site.id,
      clientKind: 'anonymous',
      clientId: null,
      method: 'GET',
      route: '/api/v1/sites/{siteId}',
      status: 503,
      latencyMs: 2,
      ip: '203.0.113.7',
      userAgent: 'outage',
      origin: null,
    });
  }
  await down.close();
  expect(fs.readdirSync(spoolDir).filter((n) => n.endsWith('.ndjson'))).toHaveLength(1);

  const up = new RequestLogWriter(s.url, { spoolDir, flushIntervalMs: 3_600_000 });
  expect(up.pending).toBe(3);
  await up.close();
  const rows = await s.services.db.requestLog.findMany({ where: { siteId: site.id } });
  expect(rows.map((r) => [r.status, r.ip, r.userAgent])).toEqual(Array(3).fill([503, '203.0.113.7', 'outage']));
  expect(fs.readdirSync(spoolDir)).toEqual([]);
});
