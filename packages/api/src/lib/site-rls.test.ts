// The site wall of first-party domain schemas, proved with raw SQL under the domain's role (what
// a forgotten `where` or an injected statement could do) and through withSiteRls as domains use it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../testing/harness.ts';
import { domainRole, SITE_SETTING, withSiteRls } from './site-rls.ts';

const s = await scenario();
const { db } = s.services;
let sql: pg.Client;
let siteA: string;
let siteB: string;
let contactB: string;

// Schemas of the platform itself, of pg-boss and of modules (walled by the gateway's own
// mechanism); any other schema holding tables is a domain schema and must be walled.
const NOT_DOMAIN = ['platform', 'external', 'modules', 'public', 'pgboss', 'information_schema'];

beforeAll(async () => {
  sql = new pg.Client({ connectionString: s.url });
  await sql.connect();
  const owner = await s.user('Rita');
  siteA = (await s.site(owner)).id;
  siteB = (await s.site(owner)).id;
  // written as the test's superuser, which row-level security does not hold back
  await db.crmContact.createMany({
    data: [
      { siteId: siteA, firstName: 'Ada' },
      { siteId: siteA, firstName: 'Alan' },
      { siteId: siteB, firstName: 'Bea' },
    ],
  });
  contactB = (await db.crmContact.findFirstOrThrow({ where: { siteId: siteB } })).id;
});
afterAll(() => sql.end());

/** Raw SQL in a transaction acting as the crm role for `site` (or for no site at all). */
async function asCrm<T>(site: string | null, fn: () => Promise<T>): Promise<T> {
  await sql.query('begin');
  try {
    await sql.query(`select set_config('role', $1, true)`, [domainRole('crm')]);
    if (site) await sql.query('select set_config($1, $2, true)', [SITE_SETTING, site]);
    return await fn();
  } finally {
    await sql.query('rollback');
  }
}
const firstNames = async () => (await sql.query('select "firstName" from crm.contacts order by 1')).rows.map((r) => r.firstName);

describe('the site wall of domain schemas', () => {
  it('covers every table of every domain schema: forced row-level security, the site policy, the role', async () => {
    const tables = await sql.query(
      `select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
              (select p.qual from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = 'site_isolation') as qual,
              has_table_privilege('dramac_' || n.nspname, c.oid, 'select, insert, update, delete') as granted
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and n.nspname <> all($1) and n.nspname not like 'pg\\_%' and n.nspname not like 'mod\\_%'`,
      [NOT_DOMAIN],
    );
    const schemas = new Set(tables.rows.map((t) => t.schema));
    expect(schemas).toContain('crm');
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const t of tables.rows) {
      expect({ table: `${t.schema}.${t.table}`, rls: t.rls, forced: t.forced, qual: t.qual, granted: t.granted }).toEqual({
        table: `${t.schema}.${t.table}`,
        rls: true,
        forced: true,
        qual: `("siteId" = current_setting('${SITE_SETTING}'::text, true))`,
        granted: true,
      });
    }
    for (const schema of schemas) {
      const role = await sql.query('select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = $1', [
        domainRole(schema),
      ]);
      expect(role.rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcanlogin: false }]);
    }
  });

  it('hides another site’s rows from raw SQL under the domain role', async () => {
    expect(await asCrm(siteA, firstNames)).toEqual(['Ada', 'Alan']);
    expect(await asCrm(siteB, firstNames)).toEqual(['Bea']);
    // asking for the other site by name changes nothing
    expect(
      await asCrm(siteA, async () => (await sql.query('select * from crm.contacts where "siteId" = $1', [siteB])).rowCount),
    ).toBe(0);
    // and without a site the role sees no row at all
    expect(await asCrm(null, firstNames)).toEqual([]);
  });

  it('refuses writes into another site and leaves its rows untouched', async () => {
    await asCrm(siteA, async () => {
      await expect(
        sql.query(`insert into crm.contacts (id, "siteId", "firstName", "updatedAt") values ('x1', $1, 'Mallory', now())`, [
          siteB,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    await asCrm(siteA, async () => {
      expect((await sql.query(`update crm.contacts set "firstName" = 'Hacked' where id = $1`, [contactB])).rowCount).toBe(0);
      expect((await sql.query('delete from crm.contacts where id = $1', [contactB])).rowCount).toBe(0);
      // nor can a site's own row be moved into another site
      await expect(sql.query(`update crm.contacts set "siteId" = $1 where "firstName" = 'Ada'`, [siteB])).rejects.toThrow(
        /row-level security/,
      );
    });
    await asCrm(null, async () => {
      await expect(
        sql.query(`insert into crm.contacts (id, "siteId", "firstName", "updatedAt") values ('x2', $1, 'Nobody', now())`, [
          siteA,
        ]),
      ).rejects.toThrow(/row-level security/);
    });
    expect((await db.crmContact.findUniqueOrThrow({ where: { id: contactB } })).firstName).toBe('Bea');
  });

  it('cannot lift the wall or reach platform tables from the domain role', async () => {
    await asCrm(siteA, () =>
      expect(sql.query('alter table crm.contacts no force row level security')).rejects.toThrow(/must be owner/),
    );
    await asCrm(siteA, () => expect(sql.query('select * from platform.users')).rejects.toThrow(/permission denied/));
  });
});

describe('withSiteRls', () => {
  it('runs a domain’s Prisma queries for one site only', async () => {
    const seen = await withSiteRls(db, { schema: 'crm', siteId: siteA }, (tx) =>
      tx.crmContact.findMany({ orderBy: { firstName: 'asc' }, select: { firstName: true } }),
    );
    expect(seen.map((c) => c.firstName)).toEqual(['Ada', 'Alan']);
    await expect(
      withSiteRls(db, { schema: 'crm', siteId: siteA }, (tx) =>
        tx.crmContact.create({ data: { siteId: siteB, firstName: 'Eve' } }),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await withSiteRls(db, { schema: 'crm', siteId: siteA }, (tx) =>
      tx.crmContact.updateMany({ where: { id: contactB }, data: { firstName: 'Hacked' } }),
    );
    expect(updated.count).toBe(0);
  });

  it('runs platform steps (the outbox) last, in the same transaction, as the platform role', async () => {
    const site = await db.site.findUniqueOrThrow({ where: { id: siteA } });
    const eventId = `evt_site_rls_${Date.now()}`;
    const writeEvent = (tx: Parameters<Parameters<typeof withSiteRls>[2]>[0]) =>
      tx.event.create({
        data: { id: eventId, type: 'crm.contact.created', agencyId: site.agencyId, siteId: siteA, payload: {} },
      });

    // the domain role cannot write the outbox itself…
    await expect(withSiteRls(db, { schema: 'crm', siteId: siteA }, (tx) => writeEvent(tx))).rejects.toThrow(/permission denied/);
    // …but a queued step can, and it commits with the change
    await withSiteRls(db, { schema: 'crm', siteId: siteA }, async (tx, afterwards) => {
      await tx.crmContact.create({ data: { siteId: siteA, firstName: 'Grace' } });
      afterwards((t) => writeEvent(t));
    });
    expect(await db.event.count({ where: { id: eventId } })).toBe(1);
    expect(await db.crmContact.count({ where: { siteId: siteA, firstName: 'Grace' } })).toBe(1);

    // a failing step rolls the domain's change back with it: both or neither
    await expect(
      withSiteRls(db, { schema: 'crm', siteId: siteA }, async (tx, afterwards) => {
        await tx.crmContact.create({ data: { siteId: siteA, firstName: 'Hedy' } });
        afterwards((t) => writeEvent(t)); // the same id again: a primary-key violation
      }),
    ).rejects.toThrow();
    expect(await db.crmContact.count({ where: { firstName: 'Hedy' } })).toBe(0);
  });

  it('refuses to run without a site', async () => {
    await expect(withSiteRls(db, { schema: 'crm', siteId: '' }, (tx) => tx.crmContact.count())).rejects.toThrow(/needs a site/);
  });
});
