// `npm start` / `npm test` on a machine that has only Node 20 and npm: make sure pnpm 12 is
// there (installed into .tools/ when missing, no global changes), install the workspace, then
// hand over to the real command. Uses Node built-ins only: nothing is installed yet.
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
const scripts = { start: 'serve', test: 'verify', dev: 'dev' };
if (!scripts[command]) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(scripts).join('|')}`);
  process.exit(2);
}

function version(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function pnpm() {
  if (version('pnpm') === PNPM_VERSION) return 'pnpm';
  const local = path.join(root, '.tools/node_modules/.bin/pnpm');
  if (version(local) !== PNPM_VERSION) {
    console.log(`installing pnpm ${PNPM_VERSION} into .tools/ …`);
    const r = spawnSync(
      'npm',
      ['install', '--prefix', path.join(root, '.tools'), '--no-save', '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`],
      {
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  return local;
}

// Ctrl-C reaches the whole process group; the children shut down in order, so wait for them
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});

const bin = pnpm();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
const install = spawnSync(bin, ['install', ...frozen], { cwd: root, stdio: 'inherit', env });
if (install.status !== 0) process.exit(install.status ?? 1);

// pnpm's own PATH lookup finds the workspace binaries; forward signals so Ctrl-C reaches the children
const child = spawnSync(bin, ['run', scripts[command], ...process.argv.slice(3)], { cwd: root, stdio: 'inherit', env });
process.exit(child.status ?? 1);
