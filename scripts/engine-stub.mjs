// The Prisma CLI insists on a native schema engine, which cannot be downloaded on these
// machines. `generate` and `studio` only need it to exist and exit 0; migrations run through
// the wasm engine instead (packages/db/src/migrate.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @returns {string} path of an executable that exits 0 */
export function engineStub() {
  const stub = path.join(os.tmpdir(), 'dramac-prisma-engine-stub.sh');
  if (!fs.existsSync(stub)) fs.writeFileSync(stub, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return stub;
}
