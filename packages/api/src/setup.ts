// Everything a database needs before the platform serves from it, in order: our migrations,
// pg-boss's schema and queues (the domains' too), and the system modules (the domains' too). `pnpm start`, `pnpm db:*`, the test
// template and the benchmarks all prepare their database through this one function.
import { createDb } from '@dramac/db';
import { applyMigrations } from '@dramac/db/migrate';
import { installQueues } from '@dramac/jobs';
import { registerSystemModules } from './modules/system/system-modules.ts';
import { domainModules, domainQueues } from './registry/index.ts';

/** Returns the names of the migrations it applied. */
export async function prepareDatabase(url: string): Promise<string[]> {
  const applied = await applyMigrations(url);
  await installQueues(url, domainQueues());
  const db = createDb(url, { max: 1 });
  try {
    await registerSystemModules(db, domainModules());
  } finally {
    await db.$disconnect();
  }
  return applied;
}
