// Prisma CLI configuration (generate, studio). Migrations run through our wasm runner
// (src/migrate.ts), which reads the same schema folder and migrations directory.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: path.join(import.meta.dirname, '../../prisma/schema'),
  migrations: { path: path.join(import.meta.dirname, '../../prisma/migrations') },
  // generate must work without a database: read the URL with a fallback (see TOOLCHAIN.md)
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/dramac' },
});
