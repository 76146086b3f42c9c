// The scheduled purge: a real worker, real pg-boss, a module with its own schema. Data whose
// retention has ended is dropped; data still within it, or restored meanwhile, is not.
import { type Scenario, scenario, type TestUser } from '@dramac/api/testing';
import { until } from '@dramac/api/testing/until';
import { buildTgz, contactFormManifest, widgetFiles } from '@dramac/manifest/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWorker } from './index.ts';

let s: Scenario;
let owner: TestUser;
let db: pg.Client;
let worker: Awaited<ReturnType<typeof startWorker>>;

const consent = ['data:own', 'crm.contacts:write', 'network:*.hcaptcha.com'];

async function publishedModule(slug: string) {
  const agencyId = owner.agencyId;
  const module = await owner.api.modules.create({ agencyId, slug, name: 'Contact form', type: 'app' });
  const manifest = contactFormManifest({
    id: slug,
    version: '1.0.0',
    compatibility: { platform: '^1.0.0' },
    entryPoints: { widget: { path: 'dist/widget.html' }, dashboardPage: { path: 'dist/widget.html', title: 'Inbox' } },
    data: { tables: [{ name: 'submissions', columns: [{ name: 'email', type: 'text', required: true }] }] },
    changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'First' }],
  });
  const packageBase64 = (await buildTgz(widgetFiles(manifest))).toString('base64');
  const v = await owner.api.modules.uploadVersion({ agencyId, moduleId: module.id, packageBase64 });
  const ref = { agencyId, moduleId: module.id, versionId: v.id };
  await owner.api.modules.submit(ref);
  await owner.api.modules.review({ versionId: v.id, approve: true });
  await owner.api.modules.publish(ref);
  return { module, schema: `mod_${module.shortId}` };
}

const rowsOf = async (schema: string, siteId: string) =>
  (await db.query(`select email from ${schema}.submissions where site_id = $1`, [siteId])).rows;

beforeAll(async () => {
  s = await scenario();
  owner = await s.user('Olive');
  await s.services.db.user.update({ where: { id: owner.id }, data: { isPlatformAdmin: true } });
  db = new pg.Client({ connectionString: s.url });
  await db.connect();
  worker = await startWorker(s.url, { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker?.stop();
  await db?.end();
});

it('schedules the purge and drops only the data whose retention has ended', async () => {
  const schedules = await worker.boss.getSchedules();
  expect(schedules.map((x) => [x.name, x.cron])).toContainEqual(['modules.purge', '17 * * * *']);

  const { module, schema } = await publishedModule('purge-form');
  const [expired, retained] = [await s.site(owner), await s.site(owner)];
  const installs: { id: string }[] = [];
  for (const site of [expired, retained]) {
    const inst = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    await db.query(`insert into ${schema}.submissions (site_id, email) values ($1, 'x@example.test')`, [site.id]);
    await owner.api.installations.uninstall({ siteId: site.id, installationId: inst.id });
    installs.push(inst);
  }
  // the first site's 30 days are over
  await s.services.db.moduleInstallation.update({
    where: { id: installs[0]!.id },
    data: { purgeAfter: new Date(Date.now() - 60_000) },
  });

  await worker.boss.send('modules.purge', {});
  await until(
    'the expired installation is purged',
    async () =>
      (await s.services.db.moduleInstallation.findUniqueOrThrow({ where: { id: installs[0]!.id } })).purgeAfter === null,
  );
  expect(await rowsOf(schema, expired.id)).toEqual([]);
  expect(await rowsOf(schema, retained.id)).toEqual([{ email: 'x@example.test' }]);
  const kept = await s.services.db.moduleInstallation.findUniqueOrThrow({ where: { id: installs[1]!.id } });
  expect(kept.purgeAfter!.getTime()).toBeGreaterThan(Date.now());

  // once the last site's retention ends, the whole schema (and its role) goes
  await s.services.db.moduleInstallation.update({ where: { id: installs[1]!.id }, data: { purgeAfter: new Date(0) } });
  await worker.boss.send('modules.purge', {});
  const schemaGone = async () =>
    (await db.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rowCount === 0;
  await until('the schema is dropped', schemaGone);
  expect((await db.query('select 1 from pg_roles where rolname = $1', [schema])).rowCount).toBe(0);
});
