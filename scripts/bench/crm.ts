// Benchmark: the CRM on one large site among others.
//   1. seeds 100,000 contacts, 10,000 companies, 20,000 deals and 200,000 activities on one site,
//      and 20,000 contacts on each of two other sites (so the site filter is real)
//   2. p50/p95 of the reads the dashboard makes: list, search (a fixed set of queries), filter on a
//      custom field, board load and record page (contact + timeline), each through the services
//      behind the site wall, as the procedures call them
//   3. the import rate of a 50,000-row CSV (streamed, dedupe "skip")
//   4. the cost of the row-level-security wall: the same reads in the same run with and without
//      it (a plain transaction as the connecting user), measured in alternating turns
// Usage: pnpm bench:crm [--iterations 200] [--contacts 100000] [--import 50000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '@dramac/db';
import { createBoss } from '@dramac/jobs';
import { board } from '../../packages/api/src/crm/board.ts';
import { getContact } from '../../packages/api/src/crm/contacts.ts';
import { type Crm, type CrmSite, inCrm } from '../../packages/api/src/crm/crm-tx.ts';
import { createCustomField } from '../../packages/api/src/crm/custom-fields.ts';
import { runImport, startImport } from '../../packages/api/src/crm/import.ts';
import { listContacts } from '../../packages/api/src/crm/lists.ts';
import { ensureDefaultPipeline } from '../../packages/api/src/crm/pipelines.ts';
import { timeline } from '../../packages/api/src/crm/timeline.ts';
import { throwawayDatabase } from '../lib/throwaway-db.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const iterations = arg('iterations', 200);
const contactCount = arg('contacts', 100_000);
const importRows = arg('import', 50_000);
process.env.NEXTAUTH_SECRET ??= 'bench-secret-0123456789-0123456789';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

const database = await throwawayDatabase('bench_crm');
const db = createDb(database.url, { max: 10 });
const boss = createBoss(database.url, { max: 4 });
boss.on('error', (err) => console.error('[pg-boss]', err.message));
await boss.start();

async function newSite(db: Db, slug: string): Promise<CrmSite> {
  const agency = await db.agency.create({ data: { name: `Bench ${slug}` } });
  const s = await db.site.create({
    data: { agencyId: agency.id, name: slug, slug, timeZone: 'Europe/Berlin', currency: 'EUR', locale: 'de-DE' },
  });
  return { id: s.id, agencyId: s.agencyId, currency: s.currency, timeZone: s.timeZone, locale: s.locale };
}

/** Bulk rows by SQL (generate_series): seeding through the services would take the benchmark's time. */
async function seed(site: CrmSite, contacts: number, companies: number, deals: number, activities: number) {
  const first = [
    'Anna',
    'Ben',
    'Clara',
    'David',
    'Eva',
    'Felix',
    'Greta',
    'Hannah',
    'Jonas',
    'Lena',
    'Maria',
    'Noah',
    'Paul',
    'Sophie',
  ];
  const last = [
    'Schmidt',
    'Müller',
    'Schneider',
    'Fischer',
    'Weber',
    'Meyer',
    'Wagner',
    'Becker',
    'Hoffmann',
    'Koch',
    'Richter',
    'Klein',
  ];
  const s = site.id;
  await db.$executeRaw`
    insert into crm.companies (id, "siteId", name, domain, "searchText", "updatedAt", "createdAt")
    select ${s} || '-co-' || i, ${s}, 'Company ' || i, 'company' || i || '.test', lower('company ' || i || ' company' || i || '.test'), now(), now() - (i || ' minutes')::interval
    from generate_series(1, ${companies}) i`;
  await db.$executeRaw`
    insert into crm.contacts (id, "siteId", "firstName", "lastName", email, phone, "companyId", status, "leadScore", "customFields", "searchText", "updatedAt", "createdAt")
    select ${s} || '-c-' || i, ${s}, (${first}::text[])[1 + i % 14], (${last}::text[])[1 + (i / 14) % 12],
           'person' || i || '@mail' || (i % 50) || '.test', '+4930' || lpad(i::text, 7, '0'),
           ${s} || '-co-' || (1 + i % ${companies}), (array['lead','customer','churned','archived']::crm."CrmContactStatus"[])[1 + i % 4], i % 101,
           case i % 3 when 0 then '{"tier":"gold"}'::jsonb when 1 then '{"tier":"silver"}'::jsonb else '{}'::jsonb end,
           lower((${first}::text[])[1 + i % 14] || ' ' || (${last}::text[])[1 + (i / 14) % 12] || ' person' || i || '@mail' || (i % 50) || '.test +4930' || lpad(i::text, 7, '0')),
           now(), now() - (i || ' seconds')::interval
    from generate_series(1, ${contacts}) i`;
  await db.$executeRaw`
    insert into crm.contact_emails (id, "siteId", "contactId", address, normalized, "isPrimary")
    select ${s} || '-e-' || i, ${s}, ${s} || '-c-' || i, 'person' || i || '@mail' || (i % 50) || '.test', 'person' || i || '@mail' || (i % 50) || '.test', true
    from generate_series(1, ${contacts}) i`;
  await db.$executeRaw`
    insert into crm.contact_phones (id, "siteId", "contactId", number, "isPrimary")
    select ${s} || '-p-' || i, ${s}, ${s} || '-c-' || i, '+4930' || lpad(i::text, 7, '0'), true
    from generate_series(1, ${contacts}) i`;
  if (deals > 0) {
    const pipeline = await inCrm({ db, boss }, site, null, (crm) => ensureDefaultPipeline(crm));
    const stageIds = pipeline.stages.map((x) => x.id);
    await db.$executeRaw`
      insert into crm.deals (id, "siteId", name, "pipelineId", "stageId", "amountMinor", currency, status, "contactId", "companyId", "searchText", "stageChangedAt", "updatedAt", "createdAt")
      select ${s} || '-d-' || i, ${s}, 'Deal ' || i, ${pipeline.id}, (${stageIds}::text[])[1 + i % 4], (i * 1237) % 5000000, 'EUR', 'open',
             ${s} || '-c-' || (1 + i % ${contacts}), ${s} || '-co-' || (1 + i % ${companies}), 'deal ' || i,
             now() - ((i % 60) || ' days')::interval, now(), now() - (i || ' minutes')::interval
      from generate_series(1, ${deals}) i`;
  }
  await db.$executeRaw`
    insert into crm.activities (id, "siteId", type, subject, "contactId", "occurredAt", "updatedAt", "createdAt")
    select ${s} || '-a-' || i, ${s}, (array['note','call','meeting','email']::crm."CrmActivityType"[])[1 + i % 4], 'Activity ' || i,
           ${s} || '-c-' || (1 + i % ${contacts}), now() - (i || ' minutes')::interval, now(), now()
    from generate_series(1, ${activities}) i`;
}

/** The same work without the wall: a plain transaction as the connecting user (the superuser here). */
function withoutWall<T>(site: CrmSite, fn: (crm: Crm) => Promise<T>): Promise<T> {
  return db.$transaction((tx) => fn({ tx, site, actorId: null, emit() {}, isMember: async () => true }));
}

interface Target {
  name: string;
  run(i: number, wall: boolean): Promise<unknown>;
}

async function measure(target: Target) {
  for (let i = 0; i < 10; i++) await target.run(i, true); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await target.run(i, true);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Throughput with and without the wall, alternating 1-second turns so load changes weigh on both. */
async function wallCost(targets: Target[], seconds = 6) {
  const counts = { wall: 0, plain: 0 };
  const time = { wall: 0, plain: 0 };
  for (let turn = 0; turn < seconds * 2; turn++) {
    const wall = turn % 2 === 0;
    const key = wall ? 'wall' : 'plain';
    const start = performance.now();
    let i = 0;
    while (performance.now() - start < 1000) await (targets[i % targets.length] as Target).run(i++, wall);
    counts[key] += i;
    time[key] += performance.now() - start;
  }
  const wallRate = counts.wall / (time.wall / 1000);
  const plainRate = counts.plain / (time.plain / 1000);
  return { wallRate, plainRate, cost: plainRate / wallRate - 1 };
}

try {
  const t0 = performance.now();
  const site = await newSite(db, 'big');
  await inCrm({ db, boss }, site, null, (crm) =>
    createCustomField(crm, { entity: 'contact', key: 'tier', label: 'Tier', type: 'select', options: ['gold', 'silver'] }),
  );
  await seed(site, contactCount, contactCount / 10, contactCount / 5, contactCount * 2);
  for (const slug of ['other-1', 'other-2']) await seed(await newSite(db, slug), contactCount / 5, 100, 0, 0);
  await db.$executeRawUnsafe('analyze');
  console.log(
    `seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${contactCount} contacts, ${contactCount / 10} companies, ${contactCount / 5} deals, ${contactCount * 2} activities (+ 2 sites of ${contactCount / 5} contacts)`,
  );

  const deps = { db, boss };
  const run = <T>(wall: boolean, fn: (crm: Crm) => Promise<T>) => (wall ? inCrm(deps, site, null, fn) : withoutWall(site, fn));
  const searches = ['anna', 'schmidt', 'person4711', 'mail7.test', '+49300012', 'hoffmann'];
  const targets: Target[] = [
    { name: 'list (50, newest first)', run: (_i, wall) => run(wall, (crm) => listContacts(crm, { limit: 50 })) },
    {
      name: 'search (6 fixed queries)',
      run: (i, wall) => run(wall, (crm) => listContacts(crm, { q: searches[i % searches.length], limit: 50 })),
    },
    {
      name: 'filter custom.tier = gold, by last name',
      run: (_i, wall) =>
        run(wall, (crm) =>
          listContacts(crm, {
            filter: JSON.stringify([{ field: 'custom.tier', op: 'eq', value: 'gold' }]),
            sort: 'lastName',
            limit: 50,
          }),
        ),
    },
    { name: 'board (default pipeline, 50 per stage)', run: (_i, wall) => run(wall, (crm) => board(crm, undefined, 50)) },
    {
      name: 'record page (contact + timeline)',
      run: (i, wall) =>
        run(wall, async (crm) => {
          const id = `${site.id}-c-${1 + ((i * 7919) % contactCount)}`;
          return [await getContact(crm, id), await timeline(crm, 'contact', id, 30)];
        }),
    },
  ];

  console.log(`\nreads behind the site wall, ${iterations} iterations each`);
  for (const target of targets) {
    const r = await measure(target);
    console.log(`  ${target.name.padEnd(42)} p50 ${ms(r.p50).padStart(9)}   p95 ${ms(r.p95).padStart(9)}`);
  }

  const cost = await wallCost(targets);
  console.log(
    `\nrow-level-security wall: ${cost.wallRate.toFixed(0)} reads/s with it, ${cost.plainRate.toFixed(0)} without → cost ${(cost.cost * 100).toFixed(1)} %`,
  );

  // ---- import ----
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dramac-bench-crm-')), 'contacts.csv');
  const out = fs.createWriteStream(file);
  out.write('First name,Last name,Email,Phone,Company,Tier\n');
  for (let i = 0; i < importRows; i++)
    out.write(
      `Imp${i},Person,imported${i}@bench.test,+49 30 ${String(1_000_000 + i)},Import Co ${i % 100},${i % 2 ? 'gold' : 'silver'}\n`,
    );
  await new Promise((r) => out.end(r));
  const job = await inCrm(deps, site, null, (crm) =>
    startImport(crm, {
      entity: 'contact',
      dedupe: 'skip',
      fileName: 'contacts.csv',
      mapping: {
        'First name': 'firstName',
        'Last name': 'lastName',
        Email: 'email',
        Phone: 'phone',
        Company: 'companyName',
        Tier: 'custom.tier',
      },
    }),
  );
  const started = performance.now();
  const done = await runImport(deps, site, null, job.id, fs.createReadStream(file), {
    maxBytes: 100_000_000,
    maxRows: 1_000_000,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nimport of ${importRows} rows (${(fs.statSync(file).size / 1e6).toFixed(1)} MB): ${done.status}, ${done.createdRows} created, ${done.rejectedRows} rejected in ${seconds.toFixed(1)} s → ${(importRows / seconds).toFixed(0)} rows/s`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
} finally {
  await boss.stop({ graceful: false });
  await db.$disconnect();
  await database.stop();
}
