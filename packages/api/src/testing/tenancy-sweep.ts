// Tenant isolation: one agency's ids, handed to another agency's user (or its site's token), answer
// NOT_FOUND and change nothing. The cases come from the router itself: every procedure whose
// input names an id (`agencyId`, `siteId`, `memberId`…) needs a valid call (the platform's table
// in agency-rows.ts, or its domain's `tenancy.calls`), and each of those ids is then swapped, one
// at a time and all together, for the other tenant's. "Changes nothing" covers every table of
// every registered domain's schema, read from the database itself: a domain table the sweep
// cannot attribute to an agency fails it.
import type { Db } from '@dramac/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainSchemas } from '../registry/index.ts';
import { prepareDatabase } from '../setup.ts';
import { type AgencyRows, agencyRows, validCall } from './agency-rows.ts';
import { type Scenario, scenario, type TestUser } from './harness.ts';
import { callersOf, callProcedure, inputKeys, type Path, procedurePaths } from './router-walk.ts';

type IdKey = Exclude<keyof AgencyRows, 'rest' | 'nextPackage' | 'domainIds'>;
const idKeys: readonly IdKey[] = [
  'agencyId',
  'siteId',
  'memberId',
  'invitationId',
  'tokenId',
  'endpointId',
  'deliveryId',
  'moduleId',
  'versionId',
  'installationId',
  'rowId',
  'appId',
  'grantId',
  'domainId',
];

/** Procedures anyone may call without signing in; every other one answers UNAUTHORIZED. */
const allPublicPaths = ['auth.signUp', 'invitations.byToken', 'invitations.decline'];

/** Platform staff's procedures: not scoped to a tenant, and refused to every agency's user. */
const allPlatformPaths = ['modules.review', 'modules.reviewDetail'];

const idKeysOf = (path: string) => inputKeys(path).filter((k) => k.endsWith('Id'));

type Via = ReturnType<typeof callersOf>[number];

/**
 * Every row of every table in the registered domains' schemas that belongs to the agency's sites,
 * found through the database's catalog: a table the domain adds is covered without a line here,
 * and one without a `siteId` column fails (its rows cannot be told apart by tenant).
 */
export async function domainTableRows(db: Db, agencyId: string): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const { schema } of domainSchemas()) {
    const tables = await db.$queryRaw<{ name: string; keyed: boolean }[]>`
      select c.relname as name,
             exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'siteId' and not a.attisdropped) as keyed
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p')
      order by c.relname`;
    for (const { name, keyed } of tables) {
      if (!keyed) {
        throw new Error(`${schema}.${name} has no "siteId" column: the tenancy sweep cannot tell whose its rows are`);
      }
      const found = await db.$queryRawUnsafe<{ row: unknown }[]>(
        `select to_jsonb(t) as row from "${schema}"."${name}" t
         where t."siteId" in (select id from platform.sites where "agencyId" = $1) order by to_jsonb(t)::text`,
        agencyId,
      );
      rows[`${schema}.${name}`] = found.map((f) => f.row);
    }
  }
  return rows;
}

/** Registers the sweep's tests for the procedures `only` accepts (all of them by default). */
export function tenancySweep(only: (path: string) => boolean = () => true) {
  const paths = procedurePaths.filter(only);
  const publicPaths = allPublicPaths.filter(only);
  const platformPaths = allPlatformPaths.filter(only);
  const tenantPaths = paths.filter((p) => idKeysOf(p).length > 0 && !platformPaths.includes(p));

  let s: Scenario;
  let n = 0;

  /** A new set of rows in `owner`'s agency. */
  const rowsOf = (owner: TestUser) => agencyRows(s, owner, ++n);

  interface Tenant {
    owner: TestUser;
    rows: AgencyRows;
  }
  let a: Tenant;
  let b: Tenant;

  /** Every row agency A has, to compare before and after B's attempts. */
  async function everythingOf(t: Tenant) {
    const { db } = s.services;
    const agencyId = t.owner.agencyId;
    const byAgency = { where: { agencyId }, orderBy: { id: 'asc' as const } };
    return {
      agency: await db.agency.findUnique({ where: { id: agencyId } }),
      sites: await db.site.findMany(byAgency),
      memberships: await db.membership.findMany(byAgency),
      invitations: await db.invitation.findMany(byAgency),
      apiTokens: await db.apiToken.findMany(byAgency),
      emails: await db.emailMessage.findMany(byAgency),
      events: await db.event.findMany(byAgency),
      webhookEndpoints: await db.webhookEndpoint.findMany(byAgency),
      webhookDeliveries: await db.webhookDelivery.findMany({ where: { endpoint: { agencyId } }, orderBy: { id: 'asc' } }),
      modules: await db.module.findMany({
        where: { publisherAgencyId: agencyId },
        include: { versions: { orderBy: { id: 'asc' } } },
        orderBy: { id: 'asc' },
      }),
      installations: await db.moduleInstallation.findMany({ where: { site: { agencyId } }, orderBy: { id: 'asc' } }),
      oauthApps: await db.oAuthApp.findMany(byAgency),
      oauthGrants: await db.oAuthGrant.findMany({ where: { site: { agencyId } }, orderBy: { id: 'asc' } }),
      domains: await db.siteDomain.findMany({
        where: { site: { agencyId } },
        include: { checks: { orderBy: { id: 'asc' } } },
        orderBy: { id: 'asc' },
      }),
      domainTables: await domainTableRows(db, agencyId),
    };
  }

  /** An id of `rows` by input key: the platform's, or one a domain seeded. */
  const idIn = (rows: AgencyRows, key: string) => (rows as unknown as Record<string, string>)[key] ?? rows.domainIds[key];

  /** B's call on `rows` as `via`, with the ids in `swap` replaced by A's. */
  function attempt(path: string, via: Via, rows: AgencyRows, swap: readonly string[]) {
    const swapped = Object.fromEntries(swap.map((k) => [k, idIn(a.rows, k)]));
    const withA = { ...rows, ...swapped, domainIds: { ...rows.domainIds, ...swapped } } as AgencyRows;
    return callProcedure(via === 'token' ? rows.rest : b.owner.api, path, validCall(path, withA)?.input);
  }

  const cases = tenantPaths.flatMap((path) =>
    callersOf(path).flatMap((via) => {
      const keys = idKeysOf(path);
      const single = keys.map((k) => ({ path, via, swap: [k] as readonly string[] }));
      return keys.length > 1 ? [...single, { path, via, swap: keys as readonly string[] }] : single;
    }),
  );

  beforeAll(async () => {
    s = await scenario();
    // as every start does: queues and system modules of the registry as this process has it
    await prepareDatabase(s.url);
    const [alice, bob] = [await s.user('Alice'), await s.user('Bob')];
    a = { owner: alice, rows: await rowsOf(alice) };
    b = { owner: bob, rows: await rowsOf(bob) };
  });

  describe('the tenant table', () => {
    it('has a call on its own rows for every procedure that takes an id', () => {
      expect(tenantPaths.filter((p) => !validCall(p, a.rows))).toEqual([]);
    });

    it('knows every kind of id the router takes', () => {
      const known = (k: string) => idKeys.includes(k as IdKey) || k in a.rows.domainIds;
      const unknownKeys = tenantPaths.flatMap(idKeysOf).filter((k) => !known(k));
      expect(unknownKeys, "add these ids to AgencyRows and agencyRows(), or to the domain's tenancy.rows").toEqual([]);
    });
  });

  /** Ids that only narrow a list of B's own rows: A's id there finds nothing rather than NOT_FOUND. */
  const filterIds: { [P in Path]?: IdKey[] } = {
    'webhooks.deliveries': ['endpointId'],
  };

  describe("another agency's ids", () => {
    const labelled = cases.map((c) => {
      const onlyFilters = c.swap.every((k) => filterIds[c.path as Path]?.includes(k as IdKey));
      return [c.path, c.via, c.swap.join(' + '), onlyFilters ? 'nothing of A' : 'NOT_FOUND', c] as const;
    });
    it.each(labelled)("%s (%s) with A's %s answers %s and leaves A's rows alone", async (_p, _v, _s, answer, c) => {
      const before = await everythingOf(a);
      if (answer === 'NOT_FOUND')
        await expect(attempt(c.path, c.via, b.rows, c.swap)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      else {
        const shown = JSON.stringify(await attempt(c.path, c.via, b.rows, c.swap));
        for (const id of [...idKeys.map((k) => a.rows[k]), ...Object.values(a.rows.domainIds)]) expect(shown).not.toContain(id);
      }
      expect(await everythingOf(a)).toEqual(before);
    });
  });

  // The same calls with B's own ids succeed, so the NOT_FOUNDs above came from A's ids and not
  // from a broken input. Each gets fresh rows, since some delete what they point at.
  const refusedPastTheTenantCheck: Record<string, string> = {
    'sites.delete': 'BAD_REQUEST',
    'modules.publish': 'CONFLICT',
    'modules.deprecate': 'CONFLICT',
    'modules.yank': 'CONFLICT',
    'installations.install': 'CONFLICT',
    'installations.upgrade': 'CONFLICT',
    'installations.rollback': 'CONFLICT',
    'installations.purgeData': 'CONFLICT',
  };

  describe('the same calls on their own rows', () => {
    it.each(tenantPaths.flatMap((path) => callersOf(path).map((via) => [path, via] as const)))(
      '%s (%s) works',
      async (path, via) => {
        const outcome = await attempt(path, via, await rowsOf(b.owner), []).then(
          () => 'ok',
          (err: { code?: string }) => err.code,
        );
        expect(outcome).toBe(refusedPastTheTenantCheck[path] ?? 'ok');
      },
    );
  });

  describe.runIf(platformPaths.length > 0)('platform staff procedures', () => {
    it.each(platformPaths)("%s answers FORBIDDEN to an agency's owner, whoever's id it names", async (path) => {
      const input = { versionId: a.rows.versionId, approve: true };
      const before = await everythingOf(a);
      await expect(callProcedure(b.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(callProcedure(a.owner.api, path, input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await everythingOf(a)).toEqual(before);
    });
  });

  describe('signed-out callers', () => {
    it.each(paths.filter((p) => !publicPaths.includes(p)))('%s answers UNAUTHORIZED', async (path) => {
      await expect(callProcedure(s.anonymous, path, {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    });

    it.each(publicPaths)('%s is open to them', async (path) => {
      const err = await callProcedure(s.anonymous, path, {}).catch((e: { code?: string }) => e);
      expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    });
  });
}
