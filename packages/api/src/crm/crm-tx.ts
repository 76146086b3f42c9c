// Every CRM service runs inside `inCrm`: one transaction behind the site wall (lib/site-rls.ts)
// with the site, the acting member and an `emit` that writes events to the outbox at the end of
// the same transaction. Committed means the events go out; rolled back means they never do.
import type { Db, Tx } from '@dramac/db';
import type { PgBoss } from '@dramac/jobs';
import { enqueueMany } from '@dramac/jobs';
import type { z } from 'zod';
import { type SiteRlsOptions, withSiteRls } from '../lib/site-rls.ts';
import { newEventId } from '../webhooks/events.ts';
import { type CrmEventType, crmEvents } from './crm.events.ts';

export interface CrmDeps {
  db: Db;
  boss: PgBoss;
}

/** The site a CRM call acts for, as the procedure resolved it (never from the input alone). */
export interface CrmSite {
  id: string;
  agencyId: string;
  currency: string;
  timeZone: string;
  locale: string;
}

export interface Crm {
  tx: Tx;
  site: CrmSite;
  /** the member acting (null: an API token or a public form) */
  actorId: string | null;
  emit<T extends CrmEventType>(type: T, data: z.infer<(typeof crmEvents)[T]['schema']>): void;
  /** whether `userId` is a member of the site's agency (owners and assignees must be) */
  isMember(userId: string): Promise<boolean>;
}

export async function inCrm<T>(
  deps: CrmDeps,
  site: CrmSite,
  actorId: string | null,
  fn: (crm: Crm) => Promise<T>,
  options?: SiteRlsOptions,
): Promise<T> {
  return withSiteRls(
    deps.db,
    { schema: 'crm', siteId: site.id },
    async (tx, afterwards) => {
      const events: { type: CrmEventType; payload: object }[] = [];
      const result = await fn({
        tx,
        site,
        actorId,
        emit(type, data) {
          events.push({ type, payload: crmEvents[type].schema.parse(data) as object });
        },
        // memberships are the platform's: read outside the wall (the domain role cannot)
        isMember: async (userId) => (await deps.db.membership.count({ where: { agencyId: site.agencyId, userId } })) > 0,
      });
      // one insert for the events and one for their dispatch jobs, however many (an import batch)
      if (events.length > 0) {
        afterwards(async (t) => {
          const rows = events.map((e) => ({
            id: newEventId(),
            type: e.type,
            agencyId: site.agencyId,
            siteId: site.id,
            payload: e.payload,
          }));
          await t.event.createMany({ data: rows });
          await enqueueMany(
            deps.boss,
            t,
            'events.dispatch',
            rows.map((r) => ({ eventId: r.id })),
          );
        });
      }
      return result;
    },
    options,
  );
}
