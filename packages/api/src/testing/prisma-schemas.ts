// Prisma cannot read the registry: each domain's schema must also be listed in main.prisma's
// datasource `schemas`, or its models do not generate. This finds the ones that are not.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domainSchemas } from '../registry/index.ts';

const mainPrisma = fileURLToPath(new URL('../../../../prisma/schema/main.prisma', import.meta.url));

/** The registered domains' schemas missing from main.prisma's `schemas = [...]`, as "domain: schema". */
export function schemasMissingFromPrisma(): string[] {
  const list = readFileSync(mainPrisma, 'utf8').match(/schemas\s*=\s*\[([^\]]*)\]/)?.[1] ?? '';
  const listed = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  return domainSchemas()
    .filter(({ schema }) => !listed.includes(schema))
    .map(({ domain, schema }) => `${domain}: ${schema}`);
}
