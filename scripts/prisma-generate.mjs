// Generates the Prisma client without the native schema engine, which cannot be downloaded here:
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to point at an executable that exits 0.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineStub } from './engine-stub.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const prismaBin = path.join(root, 'packages/db/node_modules/.bin/prisma');
if (!fs.existsSync(prismaBin)) process.exit(0); // partial install: nothing to generate yet

const r = spawnSync(prismaBin, ['generate'], {
  cwd: path.join(root, 'packages/db'),
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engineStub(), PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});
if (r.status !== 0) process.exit(r.status ?? 1);
console.log('prisma client generated');
