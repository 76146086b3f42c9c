// The platform's own modules: registered with every prepared database, installable like any
// module, and a router built on systemModuleProcedure refuses sites that have not installed them.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../context.ts';
import { scenario } from '../../testing/harness.ts';
import { createCallerFactory, router } from '../../trpc.ts';
import { systemModuleProcedure } from './procedure.ts';
import { registerSystemModules, SYSTEM_MODULES } from './system-modules.ts';

const s = await scenario();

// what the CRM router will look like: every procedure starts from systemModuleProcedure('crm')
const crmLike = router({
  whoAmI: systemModuleProcedure('crm').query(({ ctx }) => ({ site: ctx.site.id, installationId: ctx.installationId })),
});
const callerFor = (user: { id: string; email: string; name: string }) =>
  createCallerFactory(crmLike)(createContext(s.services, user, { ip: '127.0.0.1', userAgent: 'vitest' }));

describe('system modules', () => {
  it('are published with the prepared database, once, without a publisher or package', async () => {
    await registerSystemModules(s.services.db); // a second preparation changes nothing
    const modules = await s.services.db.module.findMany({ where: { type: 'system' }, include: { versions: true } });
    expect(modules.map((m) => m.slug).sort()).toEqual(['dramac-accounting', 'dramac-booking', 'dramac-crm']);
    for (const m of modules) {
      expect(m.publisherAgencyId).toBeNull();
      expect(m.versions).toHaveLength(1);
      expect(m.versions[0]).toMatchObject({ status: 'published', packageHash: null, version: '1.0.0' });
    }
    const owner = await s.user('Cora');
    const catalog = await owner.api.modules.catalog();
    expect(catalog.map((m) => m.slug)).toEqual(expect.arrayContaining(['dramac-crm', 'dramac-booking', 'dramac-accounting']));
  });

  it('refuse a site until it installs them, and again when it disables or uninstalls them', async () => {
    const owner = await s.user('Cleo');
    const site = await s.site(owner);
    const crm = callerFor(owner);
    await expect(crm.whoAmI({ siteId: site.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('CRM is not installed'),
    });

    const module = await s.services.db.module.findUniqueOrThrow({ where: { slug: SYSTEM_MODULES.crm.id } });
    const inst = await owner.api.installations.install({ siteId: site.id, moduleId: module.id, acceptPermissions: [] });
    expect(await crm.whoAmI({ siteId: site.id })).toEqual({ site: site.id, installationId: inst.id });

    await owner.api.installations.setEnabled({ siteId: site.id, installationId: inst.id, enabled: false });
    await expect(crm.whoAmI({ siteId: site.id })).rejects.toMatchObject({ message: expect.stringContaining('disabled') });
    await owner.api.installations.setEnabled({ siteId: site.id, installationId: inst.id, enabled: true });
    await owner.api.installations.uninstall({ siteId: site.id, installationId: inst.id });
    await expect(crm.whoAmI({ siteId: site.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // installed on one site says nothing about another site of the same agency
    const other = await s.site(owner);
    await expect(crm.whoAmI({ siteId: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // and another agency's site is not found, as everywhere
    const stranger = await s.user('Sid');
    await expect(callerFor(stranger).whoAmI({ siteId: site.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
