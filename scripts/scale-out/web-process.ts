// One web process for the scale-out test: the real services (pools, limits, caches, request log,
// job queue) and the same fetch handlers the dashboard mounts, on a free port; prints
// `listening <url>` once it serves, stops cleanly on SIGTERM.
import { createServices } from '@dramac/api/http';
import { startTestServer } from '@dramac/api/testing/http-server';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const services = await createServices(url, 'http://dashboard.test');
const server = await startTestServer(services);
console.log(`listening ${server.url}`);
process.once('SIGTERM', async () => {
  await server.close();
  await services.close();
  process.exit(0);
});
