// Test scenarios for the API: a private database per test file, the real services, and
// builders that read like the situation under test (`const alice = await s.user('alice')`).
import { randomBytes } from 'node:crypto';
import { withDatabase } from '@dramac/db';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import type { Services, SessionUser } from '../context.ts';
import { createServices } from '../http/services.ts';
import { createCaller, createContext } from '../index.ts';
import { signUp } from '../platform/auth/auth.service.ts';
import { createSite } from '../platform/sites/sites.service.ts';

const TEMPLATE = 'dramac_template';

/** A new database copied from the migrated template; dropped when the file's tests end. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject('postgresServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE}`);
  await admin.end();
  afterAll(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return withDatabase(serverUrl, name);
}

export interface TestUser extends SessionUser {
  agencyId: string;
  password: string;
  /** a tRPC caller signed in as this user */
  api: ReturnType<typeof createCaller>;
}

export interface Scenario {
  url: string;
  services: Services;
  anonymous: ReturnType<typeof createCaller>;
  callerFor(user: SessionUser | null, ip?: string): ReturnType<typeof createCaller>;
  /** a user who signed up, with their own agency (they are its owner) */
  user(name: string): Promise<TestUser>;
  site(owner: TestUser, slug?: string): Promise<{ id: string; slug: string }>;
  /** adds `user` to `owner`'s agency with `role` (invitations have their own tests) */
  join(owner: TestUser, user: TestUser, role: 'owner' | 'admin' | 'member'): Promise<void>;
}

export async function scenario(): Promise<Scenario> {
  const url = await createTestDatabase();
  const services = await createServices(url, 'http://dashboard.test');
  afterAll(() => services.close());
  const callerFor = (user: SessionUser | null, ip = '127.0.0.1') =>
    createCaller(createContext(services, user, { ip, userAgent: 'vitest' }));
  let n = 0;
  return {
    url,
    services,
    anonymous: callerFor(null),
    callerFor,
    async user(name) {
      n += 1;
      const email = `${name.toLowerCase()}-${n}@example.test`;
      const password = `pw-${name}-secret`;
      const { user, agencyId } = await signUp(services.db, { name, email, password, agencyName: `${name}'s Agency` });
      return { ...user, agencyId, password, api: callerFor(user) };
    },
    async site(owner, slug = `site-${++n}`) {
      const site = await createSite(services, owner.agencyId, {
        name: `Site ${slug}`,
        slug,
        timeZone: 'Europe/Berlin',
        currency: 'EUR',
        locale: 'de-DE',
      });
      return { id: site.id, slug: site.slug };
    },
    async join(owner, user, role) {
      await services.db.membership.create({ data: { agencyId: owner.agencyId, userId: user.id, role } });
    },
  };
}
