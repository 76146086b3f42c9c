// What the installation page shows before an upgrade (the newer published versions, their
// changelog since the installed one, the permissions they add) and the upgrade with consent to
// those new permissions.
import { buildTgz, widgetFiles, widgetManifest } from '@dramac/manifest/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';

let s: Scenario;
let publisher: TestUser;
let owner: TestUser;
let n = 0;

const changelog = [
  { version: '1.0.0', date: '2026-01-01', notes: 'First release' },
  { version: '1.1.0', date: '2026-02-01', notes: 'Bigger greeting' },
  { version: '1.2.0', date: '2026-03-01', notes: 'Weather from api.weather.test' },
  { version: '1.3.0', date: '2026-04-01', notes: 'Not released yet' },
];
const weather = 'network:api.weather.test';

/**
 * A greeting widget published in 1.0.0, 1.1.0 and 1.2.0 (which also calls a weather API), with
 * 1.3.0 still a draft. Each version's changelog lists every release up to it.
 */
async function publishedWidget() {
  n += 1;
  const slug = `greeter-${n}`;
  const agencyId = publisher.agencyId;
  const module = await publisher.api.modules.create({ agencyId, slug, name: 'Greeter', type: 'widget' });
  const upload = async (version: string, permissions: string[]) => {
    const manifest = widgetManifest({
      id: slug,
      version,
      permissions,
      changelog: changelog.filter((c) => c.version <= version),
    });
    const packageBase64 = (await buildTgz(widgetFiles(manifest))).toString('base64');
    return publisher.api.modules.uploadVersion({ agencyId, moduleId: module.id, packageBase64 });
  };
  const publish = async (version: string, permissions: string[]) => {
    const v = await upload(version, permissions);
    const ref = { agencyId, moduleId: module.id, versionId: v.id };
    await publisher.api.modules.submit(ref);
    await publisher.api.modules.review({ versionId: v.id, approve: true });
    return publisher.api.modules.publish(ref);
  };
  const v10 = await publish('1.0.0', ['site:read']);
  const v11 = await publish('1.1.0', ['site:read']);
  const v12 = await publish('1.2.0', ['site:read', weather]);
  const draft = await upload('1.3.0', ['site:read', weather]);
  return { module, v10, v11, v12, draft };
}

beforeAll(async () => {
  s = await scenario();
  publisher = await s.user('Pia');
  owner = await s.user('Olga');
  await s.services.db.user.update({ where: { id: publisher.id }, data: { isPlatformAdmin: true } });
});

describe('an installation and the versions it can move up to', () => {
  it('shows the installed manifest, who installed it, and the newer published versions with their changes', async () => {
    const { module, v10, v11, v12 } = await publishedWidget();
    const site = await s.site(owner);
    const installed = await owner.api.installations.install({
      siteId: site.id,
      moduleId: module.id,
      versionId: v10.id,
      acceptPermissions: ['site:read'],
    });
    expect(installed).toMatchObject({
      version: '1.0.0',
      packageHash: v10.packageHash,
      previousVersion: null,
      installedBy: { name: 'Olga', email: owner.email },
    });
    expect(installed.manifest.settings.map((f) => f.key)).toEqual(['greeting']);
    expect(installed.manifest.entryPoints.widget?.path).toBe('dist/widget.html');

    const available = await owner.api.installations.available({ siteId: site.id, installationId: installed.id });
    // newest first; the draft 1.3.0 is not offered
    expect(available.map((v) => [v.id, v.version])).toEqual([
      [v12.id, '1.2.0'],
      [v11.id, '1.1.0'],
    ]);
    expect(available[0]!.changelog.map((c) => c.notes)).toEqual(['Weather from api.weather.test', 'Bigger greeting']);
    expect(available[1]!.changelog.map((c) => c.version)).toEqual(['1.1.0']);
    expect(available.map((v) => v.newPermissions)).toEqual([[weather], []]);

    // after moving to 1.1.0, only 1.2.0 is left, and its changelog starts after 1.1.0
    const upgraded = await owner.api.installations.upgrade({ siteId: site.id, installationId: installed.id, versionId: v11.id });
    expect(upgraded).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0', packageHash: v11.packageHash });
    const rest = await owner.api.installations.available({ siteId: site.id, installationId: installed.id });
    expect(rest.map((v) => [v.version, v.changelog.map((c) => c.version)])).toEqual([['1.2.0', ['1.2.0']]]);
  });

  it('offers nothing to an uninstalled module', async () => {
    const { module, v10 } = await publishedWidget();
    const site = await s.site(owner);
    const inst = await owner.api.installations.install({
      siteId: site.id,
      moduleId: module.id,
      versionId: v10.id,
      acceptPermissions: ['site:read'],
    });
    await owner.api.installations.uninstall({ siteId: site.id, installationId: inst.id });
    expect(await owner.api.installations.available({ siteId: site.id, installationId: inst.id })).toEqual([]);
  });
});

describe('upgrading to a version that asks for new permissions', () => {
  it('needs consent to all of its permissions, then grants them and keeps them for a rollback', async () => {
    const { module, v10, v12 } = await publishedWidget();
    const site = await s.site(owner);
    const ref = { siteId: site.id, installationId: '' };
    ref.installationId = (
      await owner.api.installations.install({
        siteId: site.id,
        moduleId: module.id,
        versionId: v10.id,
        acceptPermissions: ['site:read'],
      })
    ).id;

    await expect(owner.api.installations.upgrade({ ...ref, versionId: v12.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(weather),
    });
    // consent must name every permission of the version, not only the new one
    const partial = await owner.api.installations
      .upgrade({ ...ref, versionId: v12.id, acceptPermissions: [weather] })
      .catch((e) => e);
    expect(partial.code).toBe('BAD_REQUEST');
    expect(Object.keys(validationDetails(partial.cause)?.fieldErrors ?? {})).toEqual(['acceptPermissions']);
    expect((await owner.api.installations.get(ref)).version).toBe('1.0.0');

    const upgraded = await owner.api.installations.upgrade({
      ...ref,
      versionId: v12.id,
      acceptPermissions: [weather, 'site:read'],
    });
    expect(upgraded).toMatchObject({ version: '1.2.0', grantedPermissions: ['network:api.weather.test', 'site:read'] });

    const rolledBack = await owner.api.installations.rollback(ref);
    expect(rolledBack).toMatchObject({ version: '1.0.0', grantedPermissions: ['network:api.weather.test', 'site:read'] });
    // granted once, the same upgrade needs no consent again
    expect((await owner.api.installations.upgrade({ ...ref, versionId: v12.id })).version).toBe('1.2.0');
  });

  it('refuses members, who may look at the upgrades but not apply them', async () => {
    const { module, v10, v11 } = await publishedWidget();
    const site = await s.site(owner);
    const inst = await owner.api.installations.install({
      siteId: site.id,
      moduleId: module.id,
      versionId: v10.id,
      acceptPermissions: ['site:read'],
    });
    const member = await s.user('Mo');
    await s.join(owner, member, 'member');
    const ref = { siteId: site.id, installationId: inst.id };
    expect((await member.api.installations.available(ref)).map((v) => v.version)).toEqual(['1.2.0', '1.1.0']);
    await expect(member.api.installations.upgrade({ ...ref, versionId: v11.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
