// One set of services per server process (database, job queue, limits), created on first use.
import 'server-only';
import { createServices } from '@dramac/api/http';

type Services = Awaited<ReturnType<typeof createServices>>;
const globalForServices = globalThis as unknown as { dramacServices?: Promise<Services> };

export function services(): Promise<Services> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start the dashboard with `pnpm start` or `pnpm dev`');
  // a start that failed (the database was down) is tried again by the next request, not cached
  globalForServices.dramacServices ??= createServices(url, process.env.NEXTAUTH_URL ?? 'http://localhost:3000').catch(
    (err: unknown) => {
      globalForServices.dramacServices = undefined;
      throw err;
    },
  );
  return globalForServices.dramacServices;
}
