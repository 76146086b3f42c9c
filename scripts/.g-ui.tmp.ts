// temporary (engineer G): a throwaway database with the demo agency, for looking at the API log page
import fs from 'node:fs';
import { seedDemoAt } from '@dramac/api/seed';
import { throwawayDatabase } from './lib/throwaway-db.ts';

const db = await throwawayDatabase('gui');
await seedDemoAt(db.url);
fs.writeFileSync('/tmp/g-ui-db-url', db.url);
console.log(db.url);
process.on('SIGTERM', async () => {
  await db.stop();
  process.exit(0);
});
setInterval(() => {}, 1 << 30);
