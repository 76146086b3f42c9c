// A module's life on a site: a contact form with its own table and settings is published by one
// agency, then installed, configured, switched off and on, upgraded, rolled back and uninstalled
// on another agency's site.
import { buildTgz, contactFormManifest, widgetFiles } from '@dramac/manifest/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { decryptSecret } from '../../lib/encryption.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { moduleSchemaName } from '../data/module-schema.ts';
import { dropModuleData } from '../data/provision.ts';

let s: Scenario;
let publisher: TestUser;
let owner: TestUser;
let db: pg.Client;
let n = 0;
// roles belong to the whole cluster, shared by every test file: dropped when this file ends
const shortIds: string[] = [];

const submissions = [
  { name: 'email', type: 'text', required: true, maxLength: 320 },
  { name: 'message', type: 'text', maxLength: 5000 },
];

/** The contact form's package at `version`; `extraColumns` are added to its table. */
function contactFormPackage(slug: string, version: string, extraColumns: object[] = []) {
  const manifest = contactFormManifest({
    id: slug,
    version,
    compatibility: { platform: '^1.0.0' },
    entryPoints: { widget: { path: 'dist/widget.html' }, dashboardPage: { path: 'dist/widget.html', title: 'Submissions' } },
    data: { tables: [{ name: 'submissions', columns: [...submissions, ...extraColumns], indexes: [{ columns: ['email'] }] }] },
    changelog: [{ version, date: '2026-01-01', notes: `Release ${version}` }],
  });
  return buildTgz(widgetFiles(manifest)).then((tgz) => tgz.toString('base64'));
}

/** A contact-form module, published by `publisher` in 1.0.0 and 1.1.0 (which adds `phone`). */
async function publishedContactForm() {
  n += 1;
  const slug = `contact-form-${n}`;
  const agencyId = publisher.agencyId;
  const module = await publisher.api.modules.create({ agencyId, slug, name: 'Contact form', type: 'app' });
  shortIds.push(module.shortId);
  const publish = async (version: string, extra: object[] = []) => {
    const v = await publisher.api.modules.uploadVersion({
      agencyId,
      moduleId: module.id,
      packageBase64: await contactFormPackage(slug, version, extra),
    });
    const ref = { agencyId, moduleId: module.id, versionId: v.id };
    await publisher.api.modules.submit(ref);
    await publisher.api.modules.review({ versionId: v.id, approve: true, notes: 'ok' });
    return publisher.api.modules.publish(ref);
  };
  const v1 = await publish('1.0.0');
  const v11 = await publish('1.1.0', [{ name: 'phone', type: 'text' }]);
  return { module, v1, v11, schema: moduleSchemaName(module.shortId) };
}

const consent = ['data:own', 'crm.contacts:write', 'network:*.hcaptcha.com'];

async function columns(schema: string) {
  const r = await db.query(
    `select column_name from information_schema.columns where table_schema = $1 and table_name = 'submissions'`,
    [schema],
  );
  return r.rows.map((c) => c.column_name as string).sort();
}
const schemaExists = async (schema: string) =>
  (await db.query('select 1 from information_schema.schemata where schema_name = $1', [schema])).rowCount === 1;

beforeAll(async () => {
  s = await scenario();
  publisher = await s.user('Pia');
  owner = await s.user('Olga');
  await s.services.db.user.update({ where: { id: publisher.id }, data: { isPlatformAdmin: true } });
  db = new pg.Client({ connectionString: s.url });
  await db.connect();
});
afterAll(async () => {
  for (const shortId of shortIds) await dropModuleData(db, shortId);
  await db.end();
});

describe('the lifecycle of an installed module', () => {
  it('installs, configures, toggles, upgrades, rolls back and uninstalls, with an event for each step', async () => {
    const { module, v1, v11, schema } = await publishedContactForm();
    const site = await s.site(owner);
    const siteId = site.id;

    // consent must be exactly what the version requests
    const wrong = await owner.api.installations
      .install({ siteId, moduleId: module.id, acceptPermissions: ['data:own'] })
      .catch((e) => e);
    expect(wrong.code).toBe('BAD_REQUEST');
    expect(Object.keys(validationDetails(wrong.cause)?.fieldErrors ?? {})).toEqual(['acceptPermissions']);

    const installed = await owner.api.installations.install({
      siteId,
      moduleId: module.id,
      versionId: v1.id,
      acceptPermissions: consent,
    });
    expect(installed).toMatchObject({ status: 'enabled', version: '1.0.0', grantedPermissions: [...consent].sort() });
    expect(installed.settings).toMatchObject({ title: 'Contact us', layout: 'stacked', captchaSecret: { set: false } });
    expect(await columns(schema)).toEqual(['created_at', 'email', 'id', 'message', 'site_id', 'updated_at'].sort());
    await expect(
      owner.api.installations.install({ siteId, moduleId: module.id, acceptPermissions: consent }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const installationId = installed.id;
    const bad = await owner.api.installations
      .configure({ siteId, installationId, settings: { maxPerDay: 0, layout: 'grid', notify: 'yes', colour: 'red' } })
      .catch((e) => e);
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(validationDetails(bad.cause)?.fieldErrors ?? {}).sort()).toEqual([
      'settings.captchaSecret',
      'settings.colour',
      'settings.layout',
      'settings.maxPerDay',
      'settings.notify',
    ]);

    const configured = await owner.api.installations.configure({
      siteId,
      installationId,
      settings: { title: 'Write to us', maxPerDay: 10, captchaSecret: 'hc-secret-123' },
    });
    expect(configured.settings).toMatchObject({ title: 'Write to us', maxPerDay: 10, captchaSecret: { set: true } });
    expect(JSON.stringify(configured)).not.toContain('hc-secret-123');
    const row = await s.services.db.moduleInstallation.findUniqueOrThrow({ where: { id: installationId } });
    const sealed = (row.secretSettings as Record<string, string>).captchaSecret!;
    expect(JSON.stringify(row)).not.toContain('hc-secret-123');
    expect(decryptSecret(sealed)).toBe('hc-secret-123');
    // left out, the secret keeps its value
    const again = await owner.api.installations.configure({ siteId, installationId, settings: { title: 'Hi' } });
    expect(again.settings.captchaSecret).toEqual({ set: true });

    expect((await owner.api.installations.setEnabled({ siteId, installationId, enabled: false })).status).toBe('disabled');
    expect((await owner.api.installations.setEnabled({ siteId, installationId, enabled: true })).status).toBe('enabled');

    await db.query(`insert into ${schema}.submissions (site_id, email) values ($1, 'kept@example.test')`, [siteId]);
    await expect(owner.api.installations.upgrade({ siteId, installationId, versionId: v1.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const upgraded = await owner.api.installations.upgrade({ siteId, installationId, versionId: v11.id });
    expect(upgraded).toMatchObject({ version: '1.1.0', previousVersionId: v1.id });
    expect(await columns(schema)).toContain('phone');

    const rolledBack = await owner.api.installations.rollback({ siteId, installationId });
    expect(rolledBack).toMatchObject({ version: '1.0.0', previousVersionId: null });
    const kept = await db.query(`select email from ${schema}.submissions`);
    expect(kept.rows).toEqual([{ email: 'kept@example.test' }]);
    await expect(owner.api.installations.rollback({ siteId, installationId })).rejects.toMatchObject({ code: 'CONFLICT' });

    const uninstalled = await owner.api.installations.uninstall({ siteId, installationId });
    expect(uninstalled.status).toBe('uninstalled');
    const days = (uninstalled.purgeAfter!.getTime() - uninstalled.uninstalledAt!.getTime()) / 86_400_000;
    expect(days).toBe(30);
    expect(await schemaExists(schema)).toBe(true);
    await expect(owner.api.installations.configure({ siteId, installationId, settings: {} })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const events = await s.services.db.event.findMany({ where: { siteId }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.type).filter((t) => t.startsWith('module.'))).toEqual([
      'module.installed',
      'module.configured',
      'module.configured',
      'module.disabled',
      'module.enabled',
      'module.upgraded',
      'module.rolled_back',
      'module.uninstalled',
    ]);
    expect(events.at(-1)!.payload).toEqual({ module: { id: module.id, slug: module.slug, version: '1.0.0' }, siteId });
  });

  it('drops the data at once with purgeNow', async () => {
    const { module, schema } = await publishedContactForm();
    const site = await s.site(owner);
    const inst = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    expect(inst.version).toBe('1.1.0');
    expect(await schemaExists(schema)).toBe(true);
    const gone = await owner.api.installations.uninstall({ siteId: site.id, installationId: inst.id, purgeNow: true });
    expect(gone).toMatchObject({ status: 'uninstalled', purgeAfter: null });
    expect(await schemaExists(schema)).toBe(false);

    const again = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    expect(again).toMatchObject({ id: inst.id, status: 'enabled', purgeAfter: null, uninstalledAt: null });
    expect(await schemaExists(schema)).toBe(true);
  });

  it('restores the kept data when installed again within the retention period', async () => {
    const { module, schema } = await publishedContactForm();
    const site = await s.site(owner);
    const inst = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    await db.query(`insert into ${schema}.submissions (site_id, email) values ($1, 'kept@example.test')`, [site.id]);
    await owner.api.installations.uninstall({ siteId: site.id, installationId: inst.id });
    const back = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    expect(back).toMatchObject({ id: inst.id, status: 'enabled', purgeAfter: null });
    const rows = await db.query(`select email from ${schema}.submissions where site_id = $1`, [site.id]);
    expect(rows.rows).toEqual([{ email: 'kept@example.test' }]);
  });

  it('deletes kept data on request, only after an uninstall', async () => {
    const { module, schema } = await publishedContactForm();
    const site = await s.site(owner);
    const ref = { siteId: site.id };
    const inst = await owner.api.installations.install({ ...ref, moduleId: module.id, acceptPermissions: consent });
    await expect(owner.api.installations.purgeData({ ...ref, installationId: inst.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Uninstall'),
    });
    await owner.api.installations.uninstall({ ...ref, installationId: inst.id });
    const purged = await owner.api.installations.purgeData({ ...ref, installationId: inst.id });
    expect(purged).toMatchObject({ status: 'uninstalled', purgeAfter: null });
    expect(await schemaExists(schema)).toBe(false);
    await expect(owner.api.installations.purgeData({ ...ref, installationId: inst.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('keeps one schema in step when sites run different versions', async () => {
    const { module, v1, v11, schema } = await publishedContactForm();
    const [siteA, siteB] = [await s.site(owner), await s.site(owner)];
    const install = (siteId: string, versionId: string) =>
      owner.api.installations.install({ siteId, moduleId: module.id, versionId, acceptPermissions: consent });
    const a = await install(siteA.id, v1.id);
    expect(await columns(schema)).not.toContain('phone');
    // the second site gets 1.1.0 on a schema made for 1.0.0: its new column is added
    await install(siteB.id, v11.id);
    expect(await columns(schema)).toContain('phone');
    // the first site's upgrade finds the column there already
    const upgraded = await owner.api.installations.upgrade({ siteId: siteA.id, installationId: a.id, versionId: v11.id });
    expect(upgraded.version).toBe('1.1.0');
    // one site leaving with purgeNow deletes only its rows; the schema stays for the other
    await db.query(`insert into ${schema}.submissions (site_id, email) values ($1, 'a@x.test'), ($2, 'b@x.test')`, [
      siteA.id,
      siteB.id,
    ]);
    await owner.api.installations.uninstall({ siteId: siteA.id, installationId: a.id, purgeNow: true });
    expect((await db.query(`select email from ${schema}.submissions`)).rows).toEqual([{ email: 'b@x.test' }]);
  });

  it("answers NOT_FOUND for another agency's site or installation", async () => {
    const { module } = await publishedContactForm();
    const site = await s.site(owner);
    const inst = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent });
    const stranger = await s.user('Sam');
    const theirSite = await s.site(stranger);
    await expect(
      stranger.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: consent }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(stranger.api.installations.get({ siteId: site.id, installationId: inst.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      stranger.api.installations.uninstall({ siteId: theirSite.id, installationId: inst.id, purgeNow: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await owner.api.installations.list({ siteId: site.id })).map((i) => i.status)).toEqual(['enabled']);
  });
});
