// The module registry: packages become draft versions, platform staff review them, publishers
// publish, deprecate and yank them, and the catalogue shows what is published.
import { randomBytes } from 'node:crypto';
import { buildTgz, widgetFiles, widgetManifest, widgetPackage as widgetTgz } from '@dramac/manifest/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../client.ts';
import { validationDetails } from '../../errors.ts';
import { type Scenario, scenario, type TestUser } from '../../testing/harness.ts';
import { sessionCookie, startTestServer, type TestServer } from '../../testing/http-server.ts';

let s: Scenario;
let publisher: TestUser;
let reviewer: TestUser;
let n = 0;

const base64 = (tgz: Buffer) => tgz.toString('base64');
/** A real widget package (.tgz, base64) with this manifest id and version. */
const widgetPackage = async (id: string, version: string, mtime?: Date) => base64(await widgetTgz(id, version, mtime));

/** A new widget module of `owner`'s agency, with its slug. */
async function newModule(owner: TestUser = publisher) {
  n += 1;
  const slug = `widget-${n}`;
  const module = await owner.api.modules.create({ agencyId: owner.agencyId, slug, name: `Widget ${n}`, type: 'widget' });
  return { ...module, agencyId: owner.agencyId };
}

async function upload(owner: TestUser, moduleId: string, packageBase64: string) {
  return owner.api.modules.uploadVersion({ agencyId: owner.agencyId, moduleId, packageBase64 });
}

/** A module with one version, already moved through `steps`. */
async function versionThrough(...steps: ('submit' | 'approve' | 'reject' | 'publish' | 'deprecate' | 'yank')[]) {
  const module = await newModule();
  const version = await upload(publisher, module.id, await widgetPackage(module.slug, '1.0.0'));
  const ref = { agencyId: publisher.agencyId, moduleId: module.id, versionId: version.id };
  for (const step of steps) {
    if (step === 'approve' || step === 'reject')
      await reviewer.api.modules.review({ versionId: version.id, approve: step === 'approve', notes: `${step}d` });
    else await publisher.api.modules[step](ref);
  }
  return { module, version, ref };
}

const packageCount = () => s.services.db.modulePackage.count();

beforeAll(async () => {
  s = await scenario();
  publisher = await s.user('Pia');
  reviewer = await s.user('Rex');
  await s.services.db.user.update({ where: { id: reviewer.id }, data: { isPlatformAdmin: true } });
});

describe('creating a module', () => {
  it('gives it a short id for its data schema', async () => {
    const module = await newModule();
    expect(module).toMatchObject({ publisherAgencyId: publisher.agencyId, type: 'widget' });
    expect(module.shortId).toMatch(/^[a-z0-9]{10}$/);
  });

  it('refuses a slug another module has, whichever agency owns it', async () => {
    const other = await s.user('Otto');
    const module = await newModule();
    await expect(
      other.api.modules.create({ agencyId: other.agencyId, slug: module.slug, name: 'Copy', type: 'widget' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses slugs that break the manifest id rules or use a reserved prefix', async () => {
    for (const slug of ['Hello', 'x', '1-widget', 'dramac-widget']) {
      await expect(
        publisher.api.modules.create({ agencyId: publisher.agencyId, slug, name: 'Bad', type: 'widget' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('needs an agency admin', async () => {
    const member = await s.user('Mo');
    await s.join(publisher, member, 'member');
    await expect(
      member.api.modules.create({ agencyId: publisher.agencyId, slug: 'by-a-member', name: 'M', type: 'widget' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('uploading a version', () => {
  it('stores a good package as a draft with its manifest', async () => {
    const module = await newModule();
    const version = await upload(publisher, module.id, await widgetPackage(module.slug, '1.2.0'));
    expect(version).toMatchObject({ moduleId: module.id, version: '1.2.0', status: 'draft' });
    expect(version.manifest).toMatchObject({ id: module.slug, version: '1.2.0', type: 'widget' });
    const stored = await s.services.db.modulePackage.findUniqueOrThrow({ where: { hash: version.packageHash! } });
    expect(stored.size).toBe(stored.bytes.length);
  });

  it('stores identical content once, even packed again with other timestamps', async () => {
    const module = await newModule();
    const first = await upload(publisher, module.id, await widgetPackage(module.slug, '1.0.0'));
    const before = await packageCount();
    // the content is all of a package, its manifest included, so the same content comes back only
    // for the same module and version: here after the module was removed and registered again
    await s.services.db.module.delete({ where: { id: module.id } });
    const again = await publisher.api.modules.create({
      agencyId: publisher.agencyId,
      slug: module.slug,
      name: 'Again',
      type: 'widget',
    });
    const repacked = await widgetPackage(module.slug, '1.0.0', new Date('2026-06-01T00:00:00Z'));
    expect(repacked).not.toBe(await widgetPackage(module.slug, '1.0.0'));
    const second = await upload(publisher, again.id, repacked);
    expect(second.packageHash).toBe(first.packageHash);
    expect(await packageCount()).toBe(before);
  });

  it('refuses a bad package with every problem, as field errors, and stores nothing', async () => {
    const module = await newModule();
    const before = await packageCount();
    const manifest = widgetManifest({ id: module.slug, version: 'v1', settings: 'none' });
    const files = widgetFiles(manifest).concat({ name: '../escape.js', body: 'x' });
    const traversal = await upload(publisher, module.id, base64(await buildTgz(files))).catch((e) => e);
    expect(traversal.code).toBe('BAD_REQUEST');
    expect(traversal.message).toContain('path traversal');
    expect(validationDetails(traversal.cause)?.fieldErrors).toEqual({
      'package.../escape.js': ['Paths may not contain ".." (path traversal)'],
    });

    const badManifest = await upload(publisher, module.id, base64(await buildTgz(widgetFiles(manifest)))).catch((e) => e);
    expect(badManifest.code).toBe('BAD_REQUEST');
    const fieldErrors = validationDetails(badManifest.cause)?.fieldErrors ?? {};
    expect(Object.keys(fieldErrors).sort()).toEqual(['package.$.settings', 'package.$.version']);
    expect(badManifest.message).toContain('$.version');

    const notATgz = await upload(publisher, module.id, base64(Buffer.from('hello'))).catch((e) => e);
    expect(notATgz).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('.tgz') });
    expect(await packageCount()).toBe(before);
    expect(await publisher.api.modules.versions({ agencyId: publisher.agencyId, moduleId: module.id })).toEqual([]);
  });

  it('refuses a package larger than 10 MB before reading it', async () => {
    const module = await newModule();
    const huge = 'A'.repeat(14 * 1024 * 1024);
    const err = await upload(publisher, module.id, huge).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(validationDetails(err.cause)?.fieldErrors).toEqual({ packageBase64: ['The package is larger than 10 MB'] });
  });

  it("refuses a package whose manifest id is not the module's", async () => {
    const module = await newModule();
    const err = await upload(publisher, module.id, await widgetPackage('someone-else', '1.0.0')).catch((e) => e);
    expect(err.code).toBe('BAD_REQUEST');
    expect(validationDetails(err.cause)?.fieldErrors).toEqual({
      'package.$.id': [`The manifest id is "someone-else"; this module's id is "${module.slug}"`],
    });
  });

  it('only lets versions go up, never reusing one', async () => {
    const module = await newModule();
    await upload(publisher, module.id, await widgetPackage(module.slug, '1.2.0'));
    for (const version of ['1.2.0', '1.1.9', '1.2.0-beta.1']) {
      const err = await upload(publisher, module.id, await widgetPackage(module.slug, version)).catch((e) => e);
      expect(err).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('not greater than 1.2.0') });
    }
    await upload(publisher, module.id, await widgetPackage(module.slug, '1.10.0'));
    const versions = await publisher.api.modules.versions({ agencyId: publisher.agencyId, moduleId: module.id });
    expect(versions.map((v) => v.version)).toEqual(['1.10.0', '1.2.0']);
  });
});

describe('the lifecycle', () => {
  it('goes draft → submitted → approved → published → deprecated → yanked', async () => {
    const { version, ref } = await versionThrough();
    const seen = [version.status];
    seen.push((await publisher.api.modules.submit(ref)).status);
    const approved = await reviewer.api.modules.review({ versionId: version.id, approve: true, notes: 'Looks good' });
    expect(approved).toMatchObject({ status: 'approved', reviewNotes: 'Looks good' });
    seen.push(approved.status);
    seen.push((await publisher.api.modules.publish(ref)).status);
    seen.push((await publisher.api.modules.deprecate(ref)).status);
    seen.push((await publisher.api.modules.yank(ref)).status);
    expect(seen).toEqual(['draft', 'submitted', 'approved', 'published', 'deprecated', 'yanked']);
    const row = await s.services.db.moduleVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(row.reviewedById).toBe(reviewer.id);
  });

  it('can reject a submitted version with notes for the publisher', async () => {
    const { version, ref } = await versionThrough('submit');
    await reviewer.api.modules.review({ versionId: version.id, approve: false, notes: 'The icon is missing alt text' });
    const [listed] = await publisher.api.modules.versions({ agencyId: ref.agencyId, moduleId: ref.moduleId });
    expect(listed).toMatchObject({ status: 'rejected', reviewNotes: 'The icon is missing alt text' });
    await expect(publisher.api.modules.publish(ref)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets yank take a published version straight away', async () => {
    const { ref } = await versionThrough('submit', 'approve', 'publish');
    expect((await publisher.api.modules.yank(ref)).status).toBe('yanked');
  });

  it('leaves review to platform staff', async () => {
    const { version, ref } = await versionThrough('submit');
    await expect(publisher.api.modules.review({ versionId: version.id, approve: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [listed] = await publisher.api.modules.versions({ agencyId: ref.agencyId, moduleId: ref.moduleId });
    expect(listed?.status).toBe('submitted');
  });

  it('refuses a transition from the wrong status, naming the current one', async () => {
    const draft = await versionThrough();
    await expect(publisher.api.modules.publish(draft.ref)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This version is draft; only a approved version can become published',
    });
    await expect(reviewer.api.modules.review({ versionId: draft.version.id, approve: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('This version is draft'),
    });
    await expect(publisher.api.modules.yank(draft.ref)).rejects.toMatchObject({ code: 'CONFLICT' });

    const yanked = await versionThrough('submit', 'approve', 'publish', 'yank');
    for (const step of ['submit', 'publish', 'deprecate', 'yank'] as const) {
      await expect(publisher.api.modules[step](yanked.ref)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('This version is yanked'),
      });
    }
  });

  it('lets only one of two concurrent submits win', async () => {
    const { ref } = await versionThrough();
    const outcomes = await Promise.all(
      [1, 2].map(() =>
        publisher.api.modules.submit(ref).then(
          () => 'ok',
          (e: { code: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
  });
});

describe("another agency's modules", () => {
  it('answer NOT_FOUND to every procedure', async () => {
    const intruder = await s.user('Ivy');
    const { module, version } = await versionThrough('submit', 'approve');
    const theirs = { agencyId: intruder.agencyId, moduleId: module.id, versionId: version.id };
    await expect(intruder.api.modules.versions(theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(upload(intruder, module.id, await widgetPackage(module.slug, '9.0.0'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const step of ['submit', 'publish', 'deprecate', 'yank'] as const)
      await expect(intruder.api.modules[step](theirs)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await intruder.api.modules.list({ agencyId: intruder.agencyId })).toEqual([]);
    const row = await s.services.db.moduleVersion.findUniqueOrThrow({ where: { id: version.id } });
    expect(row.status).toBe('approved');
  });
});

describe('the catalogue', () => {
  it('lists published modules with their latest published version only', async () => {
    const module = await newModule();
    const ref = (versionId: string) => ({ agencyId: publisher.agencyId, moduleId: module.id, versionId });
    const release = async (version: string, ...steps: ('approve' | 'publish')[]) => {
      const v = await upload(publisher, module.id, await widgetPackage(module.slug, version));
      await publisher.api.modules.submit(ref(v.id));
      if (steps.includes('approve')) await reviewer.api.modules.review({ versionId: v.id, approve: true });
      if (steps.includes('publish')) await publisher.api.modules.publish(ref(v.id));
    };
    await release('1.9.0', 'approve', 'publish');
    await release('1.10.0', 'approve', 'publish');
    await release('2.0.0', 'approve'); // approved, not yet published
    const unpublished = await versionThrough('submit', 'approve');
    const yanked = await versionThrough('submit', 'approve', 'publish', 'yank');

    const catalog = await (await s.user('Browsing')).api.modules.catalog();
    const slugs = catalog.map((m) => m.slug);
    expect(slugs).toContain(module.slug);
    expect(slugs).not.toContain(unpublished.module.slug);
    expect(slugs).not.toContain(yanked.module.slug);
    expect(catalog.find((m) => m.slug === module.slug)?.latest).toMatchObject({ version: '1.10.0', status: 'published' });
  });
});

/** A widget package of `slug` at `version` that asks for `permissions`. */
async function packageWith(slug: string, version: string, permissions: string[]) {
  const changelog = [{ version, date: '2026-01-01', notes: `Release ${version}` }];
  return base64(await buildTgz(widgetFiles(widgetManifest({ id: slug, version, changelog, permissions }))));
}

describe("the publisher's view of a module", () => {
  it('shows its versions and on how many sites it is installed now', async () => {
    const { module, ref } = await versionThrough('submit', 'approve', 'publish');
    const get = () => publisher.api.modules.get({ agencyId: ref.agencyId, moduleId: module.id });
    expect(await get()).toMatchObject({ slug: module.slug, activeInstallations: 0, versions: [{ version: '1.0.0' }] });

    const site = await s.site(publisher);
    const installed = await publisher.api.installations.install({
      siteId: site.id,
      moduleId: module.id,
      acceptPermissions: ['site:read'],
    });
    expect((await get()).activeInstallations).toBe(1);
    const listed = await publisher.api.modules.list({ agencyId: ref.agencyId });
    expect(listed.find((m) => m.id === module.id)?.activeInstallations).toBe(1);

    await publisher.api.installations.uninstall({ siteId: site.id, installationId: installed.id, purgeNow: true });
    expect((await get()).activeInstallations).toBe(0);
  });

  it("is NOT_FOUND for another agency's module", async () => {
    const { module } = await versionThrough();
    const other = await s.user('Olga');
    await expect(other.api.modules.get({ agencyId: other.agencyId, moduleId: module.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the review queue', () => {
  it('lists submitted versions of every agency, oldest first, with their publisher', async () => {
    const other = await s.user('Quinn');
    const first = await versionThrough('submit');
    const second = await newModule(other);
    const secondVersion = await upload(other, second.id, await widgetPackage(second.slug, '0.1.0'));
    await other.api.modules.submit({ agencyId: other.agencyId, moduleId: second.id, versionId: secondVersion.id });
    const draft = await versionThrough();
    const approved = await versionThrough('submit', 'approve');

    const queue = await reviewer.api.modules.reviewQueue();
    const ids = queue.map((e) => e.versionId);
    expect(ids.indexOf(first.version.id)).toBeLessThan(ids.indexOf(secondVersion.id));
    expect(ids).not.toContain(draft.version.id);
    expect(ids).not.toContain(approved.version.id);
    expect(queue.find((e) => e.versionId === secondVersion.id)).toMatchObject({
      version: '0.1.0',
      module: { id: second.id, slug: second.slug, type: 'widget' },
      publisher: { id: other.agencyId, name: "Quinn's Agency" },
      permissions: ['site:read'],
      previousVersion: null,
      addedPermissions: ['site:read'],
    });
    const submittedAts = queue.map((e) => e.submittedAt.getTime());
    expect(submittedAts).toEqual([...submittedAts].sort((a, b) => a - b));
  });

  it('compares a version with the live one before it: what sites would be asked to grant anew', async () => {
    const module = await newModule();
    const ref = (versionId: string) => ({ agencyId: publisher.agencyId, moduleId: module.id, versionId });
    const live = await upload(publisher, module.id, await packageWith(module.slug, '1.0.0', ['site:read', 'booking:read']));
    await publisher.api.modules.submit(ref(live.id));
    await reviewer.api.modules.review({ versionId: live.id, approve: true });
    await publisher.api.modules.publish(ref(live.id));
    const next = await upload(
      publisher,
      module.id,
      await packageWith(module.slug, '1.1.0', ['site:read', 'network:api.example.com']),
    );
    await publisher.api.modules.submit(ref(next.id));

    const entry = (await reviewer.api.modules.reviewQueue()).find((e) => e.versionId === next.id);
    expect(entry).toMatchObject({ previousVersion: '1.0.0', addedPermissions: ['network:api.example.com'] });

    const detail = await reviewer.api.modules.reviewDetail({ versionId: next.id });
    expect(detail).toMatchObject({
      version: { id: next.id, version: '1.1.0', status: 'submitted', manifest: { id: module.slug } },
      module: { id: module.id, slug: module.slug },
      publisher: { id: publisher.agencyId },
      reviewedBy: null,
      previous: { id: live.id, version: '1.0.0', status: 'published', permissions: ['site:read', 'booking:read'] },
      permissionChanges: { added: ['network:api.example.com'], removed: ['booking:read'] },
    });
    expect(detail.submittedAt).toEqual(entry?.submittedAt);

    await reviewer.api.modules.review({ versionId: next.id, approve: true, notes: 'Fine' });
    const reviewed = await reviewer.api.modules.reviewDetail({ versionId: next.id });
    expect(reviewed).toMatchObject({ submittedAt: null, reviewedBy: { name: 'Rex' }, version: { reviewNotes: 'Fine' } });
  });

  it('compares a first release with nothing: every permission is new', async () => {
    const { version } = await versionThrough('submit');
    const detail = await reviewer.api.modules.reviewDetail({ versionId: version.id });
    expect(detail).toMatchObject({ previous: null, permissionChanges: { added: ['site:read'], removed: [] } });
  });

  it('is for platform staff only; everyone else hears whether they review', async () => {
    const { version } = await versionThrough('submit');
    await expect(publisher.api.modules.reviewQueue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publisher.api.modules.reviewDetail({ versionId: version.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reviewer.api.modules.reviewDetail({ versionId: 'ckunknown000000000000000000' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    expect(await publisher.api.modules.reviewerStatus()).toEqual({ reviewer: false, waiting: 0 });
    const waiting = await s.services.db.moduleVersion.count({ where: { status: 'submitted' } });
    expect(waiting).toBeGreaterThan(0);
    expect(await reviewer.api.modules.reviewerStatus()).toEqual({ reviewer: true, waiting });
  });

  it('needs notes to reject, so the publisher knows what to change', async () => {
    const { version, ref } = await versionThrough('submit');
    for (const notes of [undefined, '   ']) {
      const err = await reviewer.api.modules.review({ versionId: version.id, approve: false, notes }).catch((e) => e);
      expect(err.code).toBe('BAD_REQUEST');
      expect(validationDetails(err.cause)?.fieldErrors).toEqual({
        notes: ['Tell the publisher what to change: notes are required to reject'],
      });
    }
    const [listed] = await publisher.api.modules.versions({ agencyId: ref.agencyId, moduleId: ref.moduleId });
    expect(listed?.status).toBe('submitted');
  });
});

describe('uploading over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(s.services);
  });
  afterAll(() => server?.close());

  it('takes a package larger than the usual request limit, but only as its own call', async () => {
    const module = await newModule();
    const manifest = widgetManifest({
      id: module.slug,
      version: '1.0.0',
      changelog: [{ version: '1.0.0', date: '2026-01-01', notes: 'Big' }],
    });
    // random text barely compresses: a package of about 1.6 MB, 2.1 MB as base64
    const files = widgetFiles(manifest).concat({ name: 'dist/data.js', body: randomBytes(1_600_000).toString('base64') });
    const packageBase64 = base64(await buildTgz(files));
    expect(packageBase64.length).toBeGreaterThan(2_000_000);

    const cookie = await sessionCookie(s.services.db, publisher);
    const api = createApiClient(server.url, { headers: () => ({ cookie }) });
    const input = { agencyId: publisher.agencyId, moduleId: module.id, packageBase64 };
    const version = await api.modules.uploadVersion.mutate(input);
    expect(version).toMatchObject({ version: '1.0.0', status: 'draft' });

    const post = (path: string, body: unknown) =>
      fetch(`${server.url}/api/trpc/${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // the same body for another procedure, or batched with one, meets the usual limit
    expect((await post('modules.create', { json: { ...input, slug: 'big', name: 'Big', type: 'widget' } })).status).toBe(413);
    const batched = await post('modules.uploadVersion,modules.list?batch=1', { 0: { json: input }, 1: { json: input } });
    expect(batched.status).toBe(413);
  });
});
