// The site wall of the platform's first-party domains (crm, booking, accounting, …), the second
// wall behind the procedure checks. Their tables have forced row-level security on "siteId"
// (`platform.enable_site_rls('<schema>', 'dramac_<schema>')` at the end of each migration that
// adds tables), and a domain reaches them only inside `withSiteRls`: a transaction acting as the
// domain's role (no BYPASSRLS) with the site set. A query that forgets its `where: { siteId }`
// then reads nothing of another site, and no write can land there. The module gateway runs
// module schemas the same way (modules/data/provision.ts), with the same setting.
import type { Db, Tx } from '@dramac/db';

/** Every site policy compares a row's site with this setting: module schemas and domain schemas alike. */
export const SITE_SETTING = 'dramac.site_id';

/** The role `platform.enable_site_rls` created for a domain schema. */
export const domainRole = (schema: string) => `dramac_${schema}`;

/**
 * Platform work in the same transaction, run after the domain's own statements under the
 * platform's role: the event outbox and pg-boss's job table are not the domain role's to write.
 */
export type PlatformStep = (tx: Tx) => Promise<unknown>;

export interface SiteRlsOptions {
  /** milliseconds the transaction may run (Prisma's default of 5 s is short for an import batch) */
  timeout?: number;
  /** milliseconds to wait for a connection from the pool (default 10 s) */
  maxWait?: number;
}

/**
 * Runs `fn` in one transaction as `schema`'s role for `siteId`. `afterwards(step)` queues platform
 * work (an event) for the end of the same transaction, so the event commits with the change or
 * not at all. The site is the caller's to prove: call this only after the procedure has checked
 * the caller's right to it.
 */
export async function withSiteRls<T>(
  db: Db,
  scope: { schema: string; siteId: string },
  fn: (tx: Tx, afterwards: (step: PlatformStep) => void) => Promise<T>,
  options: SiteRlsOptions = {},
): Promise<T> {
  if (!scope.siteId) throw new Error('withSiteRls needs a site');
  return db.$transaction(
    async (tx) => {
      // one round trip: set_config('role', …, true) is SET LOCAL ROLE
      await tx.$executeRaw`select set_config('role', ${domainRole(scope.schema)}, true), set_config(${SITE_SETTING}, ${scope.siteId}, true)`;
      const steps: PlatformStep[] = [];
      const result = await fn(tx, (step) => {
        steps.push(step);
      });
      if (steps.length > 0) {
        await tx.$executeRaw`reset role`;
        for (const step of steps) await step(tx);
      }
      return result;
    },
    { timeout: options.timeout ?? 10_000, maxWait: options.maxWait ?? 10_000 },
  );
}
