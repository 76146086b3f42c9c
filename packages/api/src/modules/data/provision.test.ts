import { randomBytes } from 'node:crypto';
import { type DataSpec, dataSpec } from '@dramac/manifest/data';
import pg, { type ClientBase } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../testing/harness.ts';
import { moduleSchemaName } from './module-schema.ts';
import { dropModuleData, provisionModuleData, withModuleSession } from './provision.ts';
import { planUpgrade, upgradeModuleData } from './upgrade.ts';

// Roles belong to the whole PostgreSQL cluster, shared by every test file: each module here gets
// a fresh short id, and its role is dropped when the file ends.
const newShortId = () => randomBytes(8).toString('hex').slice(0, 10);

const contactForm = dataSpec.parse({
  tables: [
    {
      name: 'submissions',
      columns: [
        { name: 'name', type: 'text', required: true, maxLength: 200 },
        { name: 'email', type: 'text' },
        { name: 'message', type: 'text' },
      ],
      indexes: [{ columns: ['email'] }],
    },
  ],
});

/** contactForm with changes: `patch` gets a deep copy to edit. */
function contactFormWith(patch: (d: DataSpec) => void): DataSpec {
  const d = structuredClone(contactForm);
  patch(d);
  return dataSpec.parse(d);
}

let url: string;
let db: pg.Client;
const installed: string[] = [];

beforeAll(async () => {
  url = await createTestDatabase();
  db = new pg.Client({ connectionString: url });
  await db.connect();
});
afterAll(async () => {
  for (const shortId of installed) await dropModuleData(db, shortId);
  await db.end();
});

/** A module with its data provisioned, and the sessions the gateway would open for it. */
async function installModule(data: DataSpec = contactForm) {
  const shortId = newShortId();
  await provisionModuleData(db, { shortId, data });
  installed.push(shortId);
  const schema = moduleSchemaName(shortId);
  return {
    shortId,
    schema,
    /** raw SQL as the module's role, acting for `siteId` */
    as: <T>(siteId: string, fn: (q: ClientBase) => Promise<T>) => withModuleSession(db, { shortId, siteId }, fn),
    async submit(siteId: string, name: string) {
      await this.as(siteId, (q) => q.query('insert into submissions (site_id, name) values ($1, $2)', [siteId, name]));
    },
    async count(siteId: string) {
      return this.as(siteId, async (q) => Number((await q.query('select count(*) from submissions')).rows[0].count));
    },
    async columns(table = 'submissions') {
      const r = await db.query(
        `select column_name, data_type, is_nullable from information_schema.columns
         where table_schema = $1 and table_name = $2 order by ordinal_position`,
        [schema, table],
      );
      return r.rows.map((c) => `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''}`);
    },
  };
}

describe('provisioning a module', () => {
  it('creates its schema, tables with the implicit columns, indexes and a site policy', async () => {
    const form = await installModule();
    expect(form.schema).toBe(`mod_${form.shortId}`);
    expect(await form.columns()).toEqual([
      'id uuid not null',
      'site_id text not null',
      'created_at timestamp with time zone not null',
      'updated_at timestamp with time zone not null',
      'name text not null',
      'email text',
      'message text',
    ]);
    const indexes = await db.query('select indexdef from pg_indexes where schemaname = $1 order by indexname', [form.schema]);
    expect(indexes.rows.map((r) => r.indexdef.replace(/.* USING btree /, ''))).toEqual([
      '(site_id, email)',
      '(site_id, created_at, id)',
      '(id)',
    ]);
    const policies = await db.query('select tablename, qual, with_check from pg_policies where schemaname = $1', [form.schema]);
    expect(policies.rows).toEqual([
      {
        tablename: 'submissions',
        qual: "(site_id = current_setting('dramac.site_id'::text, true))",
        with_check: "(site_id = current_setting('dramac.site_id'::text, true))",
      },
    ]);
    const rls = await db.query(`select relrowsecurity, relforcerowsecurity from pg_class where oid = $1::regclass`, [
      `${form.schema}.submissions`,
    ]);
    expect(rls.rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const role = await db.query('select * from pg_roles where rolname = $1', [form.schema]);
    expect(role.rows[0]).toMatchObject({ rolcanlogin: false, rolsuper: false, rolbypassrls: false, rolcreatedb: false });
  });

  it('is all or nothing', async () => {
    const shortId = newShortId();
    const name = moduleSchemaName(shortId);
    // a role of that name already exists: provisioning fails after it has created the schema
    await db.query(`create role ${name} nologin`);
    await expect(provisionModuleData(db, { shortId, data: contactForm })).rejects.toThrow(/already exists/);
    expect((await db.query('select 1 from pg_namespace where nspname = $1', [name])).rowCount).toBe(0);
    await db.query(`drop role ${name}`);
  });

  it('rejects a short id that is not 8 to 12 lowercase letters or digits', async () => {
    for (const bad of ['short', 'UPPERCASE1', 'abc-defgh', 'x"; drop role postgres; --', 'abcdefghijklm']) {
      expect(() => moduleSchemaName(bad)).toThrow(/8 to 12 lowercase/);
    }
    await expect(provisionModuleData(db, { shortId: 'a"b', data: contactForm })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('site isolation under the module role', () => {
  let form: Awaited<ReturnType<typeof installModule>>;
  beforeAll(async () => {
    form = await installModule();
    await form.submit('site-a', 'Ada');
    await form.submit('site-a', 'Alan');
    await form.submit('site-b', 'Barbara');
  });

  it('shows each site only its own rows', async () => {
    expect(await form.count('site-a')).toBe(2);
    expect(await form.count('site-b')).toBe(1);
    expect(await form.count('site-c')).toBe(0);
  });

  it('updates and deletes nothing of another site', async () => {
    const touched = await form.as('site-b', async (q) => [
      (await q.query(`update submissions set message = 'mine' where name = 'Ada'`)).rowCount,
      (await q.query(`delete from submissions where name like 'A%'`)).rowCount,
      (await q.query(`update submissions set site_id = 'site-a'`).catch((e) => e.message)) as string,
    ]);
    expect(touched).toEqual([0, 0, expect.stringMatching(/row-level security policy/)]);
    expect(await form.count('site-a')).toBe(2);
  });

  it("refuses a row written with another site's id", async () => {
    await expect(
      form.as('site-b', (q) => q.query(`insert into submissions (site_id, name) values ('site-a', 'Mallory')`)),
    ).rejects.toThrow(/violates row-level security policy/);
    expect(await form.count('site-a')).toBe(2);
  });

  it('sees nothing when no site is set', async () => {
    const seen = await inTransactionAs(form.schema, async () => {
      return Number((await db.query(`select count(*) from ${form.schema}.submissions`)).rows[0].count);
    });
    expect(seen).toBe(0);
  });

  it('follows the site the session sets: the gateway sets it, never the module', async () => {
    // the policy trusts dramac.site_id, so module code must never hold a raw session: the gateway
    // is the trust boundary, and it builds every statement itself
    const seen = await form.as('site-b', async (q) => {
      await q.query(`select set_config('dramac.site_id', 'site-a', true)`);
      return (await q.query('select name from submissions order by name')).rows.map((r) => r.name);
    });
    expect(seen).toEqual(['Ada', 'Alan']);
  });

  it('enforces maxLength and required columns', async () => {
    await expect(
      form.as('site-a', (q) => q.query('insert into submissions (site_id, name) values ($1, $2)', ['site-a', 'x'.repeat(201)])),
    ).rejects.toThrow(/name_max_length/);
    await expect(
      form.as('site-a', (q) => q.query(`insert into submissions (site_id, email) values ('site-a', 'a@b.test')`)),
    ).rejects.toThrow(/null value in column "name"/);
    await form.submit('site-a', 'x'.repeat(200));
    expect(await form.count('site-a')).toBe(3);
  });
});

/** A transaction acting as `role` with no site set, on the superuser connection. */
async function inTransactionAs<T>(role: string, fn: () => Promise<T>): Promise<T> {
  await db.query('begin');
  try {
    await db.query(`set local role ${role}`);
    return await fn();
  } finally {
    await db.query('rollback');
  }
}

describe('what the module role cannot reach', () => {
  let form: Awaited<ReturnType<typeof installModule>>;
  let other: Awaited<ReturnType<typeof installModule>>;
  beforeAll(async () => {
    form = await installModule();
    other = await installModule();
    await other.submit('site-a', 'Secret');
  });

  const attempt = (sql: string) => form.as('site-a', (q) => q.query(sql));

  it("cannot read another module's schema", async () => {
    await expect(attempt(`select * from ${other.schema}.submissions`)).rejects.toThrow(/permission denied for schema/);
  });

  it('cannot read the platform schemas', async () => {
    await expect(attempt('select * from platform.users')).rejects.toThrow(/permission denied for schema platform/);
  });

  it('cannot create tables in public or in its own schema', async () => {
    await expect(attempt('create table public.stash (x int)')).rejects.toThrow(/permission denied for schema public/);
    await expect(attempt('create table stash (x int)')).rejects.toThrow(/permission denied for schema mod_/);
  });

  it('cannot turn off row-level security or drop its tables', async () => {
    await expect(attempt('alter table submissions disable row level security')).rejects.toThrow(/must be owner/);
    await expect(attempt('alter table submissions no force row level security')).rejects.toThrow(/must be owner/);
    await expect(attempt('drop table submissions')).rejects.toThrow(/must be owner/);
  });

  it('cannot become anyone else when it logs in as itself', async () => {
    // the gateway's connection is trusted; this is what the role alone can do
    const password = randomBytes(12).toString('hex');
    await db.query(`alter role ${form.schema} login password '${password}'`);
    const asModule = new pg.Client({ connectionString: url.replace(/\/\/[^@]*@/, `//${form.schema}:${password}@`) });
    try {
      await asModule.connect();
      await expect(asModule.query('set role postgres')).rejects.toThrow(/permission denied to set role/);
      await asModule.query('reset role');
      expect((await asModule.query('select current_user')).rows[0].current_user).toBe(form.schema);
      await expect(asModule.query('select * from platform.users')).rejects.toThrow(/permission denied/);
      await expect(asModule.query(`select * from ${form.schema}.submissions`)).resolves.toMatchObject({ rowCount: 0 });
    } finally {
      await asModule.end();
      await db.query(`alter role ${form.schema} nologin password null`);
    }
  });
});

describe('upgrading a module', () => {
  it('adds tables, columns and indexes, keeping the rows', async () => {
    const form = await installModule();
    await form.submit('site-a', 'Ada');
    const next = contactFormWith((d) => {
      const submissions = d.tables[0]!;
      submissions.columns.push({ name: 'phone', type: 'text', required: false, maxLength: 40 });
      submissions.indexes.push({ columns: ['email'], unique: true });
      d.tables.push({ name: 'replies', columns: [{ name: 'body', type: 'text', required: true }], indexes: [] });
    });
    const steps = await upgradeModuleData(db, { shortId: form.shortId, current: contactForm, next });
    expect(steps.map((s) => s.kind)).toEqual(['addColumn', 'createIndex', 'createTable']);
    expect(await form.count('site-a')).toBe(1);
    expect(await form.columns()).toContain('phone text');
    await form.as('site-a', (q) => q.query(`insert into replies (site_id, body) values ('site-a', 'Thanks')`));
    const replies = await form.as('site-b', (q) => q.query('select * from replies'));
    expect(replies.rowCount).toBe(0);
    // the new unique index is per site
    const withEmail = (site: string) =>
      form.as(site, (q) => q.query(`insert into submissions (site_id, name, email) values ($1, 'Ada', 'ada@x.test')`, [site]));
    await withEmail('site-a');
    await withEmail('site-b');
    await expect(withEmail('site-a')).rejects.toThrow(/duplicate key/);
  });

  it('relaxes required and raises maxLength by itself', async () => {
    const form = await installModule();
    const next = contactFormWith((d) => {
      d.tables[0]!.columns[0] = { name: 'name', type: 'text', required: false, maxLength: 500 };
    });
    expect(planUpgrade(contactForm, next).map((s) => s.kind)).toEqual(['setMaxLength', 'dropRequired']);
    await upgradeModuleData(db, { shortId: form.shortId, current: contactForm, next });
    await form.submit('site-a', 'x'.repeat(500));
    await form.as('site-a', (q) => q.query(`insert into submissions (site_id) values ('site-a')`));
    expect(await form.count('site-a')).toBe(2);
  });

  it('refuses to drop a column unless the manifest declares it, and changes nothing', async () => {
    const form = await installModule();
    await form.as('site-a', (q) =>
      q.query(`insert into submissions (site_id, name, email) values ('site-a', 'Ada', 'ada@x.test')`),
    );
    const withoutEmail = contactFormWith((d) => {
      const submissions = d.tables[0]!;
      submissions.columns = submissions.columns.filter((c) => c.name !== 'email');
      submissions.indexes = [];
      submissions.columns.push({ name: 'phone', type: 'text', required: false });
    });
    const refused = await upgradeModuleData(db, { shortId: form.shortId, current: contactForm, next: withoutEmail }).catch(
      (e) => e,
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(refused.message).toContain('dropping column "submissions"."email"');
    expect(refused.message).toContain('{"kind":"dropColumn","table":"submissions","column":"email"}');
    expect(await form.columns()).toEqual(expect.arrayContaining(['email text']));
    expect(await form.columns()).not.toContain('phone text');

    const declared = {
      ...withoutEmail,
      destructiveChanges: [{ kind: 'dropColumn' as const, table: 'submissions', column: 'email' }],
    };
    await upgradeModuleData(db, { shortId: form.shortId, current: contactForm, next: declared });
    expect(await form.columns()).not.toContain('email text');
    expect(await form.columns()).toContain('phone text');
    expect(await form.count('site-a')).toBe(1);
  });

  it('refuses a type change unless declared, then converts the values', async () => {
    const form = await installModule(
      dataSpec.parse({ tables: [{ name: 'scores', columns: [{ name: 'points', type: 'text', maxLength: 10 }] }] }),
    );
    await form.as('site-a', (q) => q.query(`insert into scores (site_id, points) values ('site-a', '42')`));
    const current = dataSpec.parse({ tables: [{ name: 'scores', columns: [{ name: 'points', type: 'text', maxLength: 10 }] }] });
    const next = dataSpec.parse({ tables: [{ name: 'scores', columns: [{ name: 'points', type: 'integer' }] }] });
    expect(() => planUpgrade(current, next)).toThrow(/changing the type of "scores"."points" from text to integer/);
    await upgradeModuleData(db, {
      shortId: form.shortId,
      current,
      next: { ...next, destructiveChanges: [{ kind: 'changeColumnType', table: 'scores', column: 'points' }] },
    });
    const points = await form.as('site-a', (q) => q.query('select points, pg_typeof(points) as type from scores'));
    expect(points.rows).toEqual([{ points: '42', type: 'bigint' }]);
  });

  it('refuses to drop a table, make a column required or lower maxLength without a declaration', () => {
    const tighter = contactFormWith((d) => {
      d.tables[0]!.columns[1] = { name: 'email', type: 'text', required: true, maxLength: 100 };
      d.tables[0]!.columns[0]!.maxLength = 100;
    });
    expect(() => planUpgrade(contactForm, tighter)).toThrow(/making "submissions"."email" required/);
    expect(() => planUpgrade(contactForm, tighter)).toThrow(/limiting "submissions"."name" to 100 characters/);
    expect(() => planUpgrade(contactForm, dataSpec.parse({}))).toThrow(/dropping table "submissions"/);
    const dropped = planUpgrade(
      contactForm,
      dataSpec.parse({ destructiveChanges: [{ kind: 'dropTable', table: 'submissions' }] }),
    );
    expect(dropped).toEqual([{ kind: 'dropTable', table: 'submissions' }]);
  });
});

describe('tightening a column the manifest declares', () => {
  it('makes a column required when every row has a value, and fails whole when one does not', async () => {
    const form = await installModule();
    await form.as('site-a', (q) =>
      q.query(`insert into submissions (site_id, name, email) values ('site-a', 'Ada', 'a@x.test')`),
    );
    const required = (d: DataSpec) => {
      d.tables[0]!.columns[1] = { name: 'email', type: 'text', required: true };
      d.destructiveChanges = [{ kind: 'tightenColumn', table: 'submissions', column: 'email' }];
    };
    await upgradeModuleData(db, { shortId: form.shortId, current: contactForm, next: contactFormWith(required) });
    expect(await form.columns()).toContain('email text not null');

    const other = await installModule();
    await other.submit('site-a', 'No email');
    const failed = await upgradeModuleData(db, {
      shortId: other.shortId,
      current: contactForm,
      next: contactFormWith(required),
    }).catch((e) => e);
    expect(failed).toBeInstanceOf(Error);
    expect(await other.columns()).toContain('email text');
    expect(await other.count('site-a')).toBe(1);
  });
});

describe('uninstalling a module', () => {
  it('purges its schema, rows and role', async () => {
    const shortId = newShortId();
    await provisionModuleData(db, { shortId, data: contactForm });
    await withModuleSession(db, { shortId, siteId: 'site-a' }, (q) =>
      q.query(`insert into submissions (site_id, name) values ('site-a', 'Ada')`),
    );
    await dropModuleData(db, shortId);
    const schema = moduleSchemaName(shortId);
    expect((await db.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount).toBe(0);
    expect((await db.query('select 1 from pg_roles where rolname = $1', [schema])).rowCount).toBe(0);
    await expect(dropModuleData(db, shortId)).resolves.toBeUndefined();
  });
});

describe('names from a manifest', () => {
  it('rejects an injected table or column name before any SQL is written', async () => {
    const hostile = {
      tables: [{ name: 'x"; drop table platform.users; --', columns: [{ name: 'a', type: 'text' }] }],
    };
    expect(dataSpec.safeParse(hostile).success).toBe(false);
    const hostileColumn = {
      tables: [{ name: 'x', columns: [{ name: 'a" text); drop schema platform cascade; --', type: 'text' }] }],
    };
    expect(dataSpec.safeParse(hostileColumn).success).toBe(false);
    // a spec that skipped the manifest validation is validated again
    await expect(provisionModuleData(db, { shortId: newShortId(), data: hostile as unknown as DataSpec })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await db.query(`select to_regclass('platform.users') as t`)).rows[0].t).toBe('platform.users');
  });

  it('quotes every identifier so that no name can end it', async () => {
    const { escapeIdentifier } = pg;
    expect(escapeIdentifier('submissions')).toBe('"submissions"');
    expect(escapeIdentifier('x"; drop table platform.users; --')).toBe('"x""; drop table platform.users; --"');
    // PostgreSQL reads the quoted text back as one name, whatever it holds
    const r = await db.query(`select 1 as ${escapeIdentifier('a"b; --')}`);
    expect(Object.keys(r.rows[0])).toEqual(['a"b; --']);
  });
});
