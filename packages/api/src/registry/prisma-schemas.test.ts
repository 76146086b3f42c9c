// Every registered domain's Prisma schema is in main.prisma's datasource list (see testing/prisma-schemas.ts).
import { describe, expect, it } from 'vitest';
import { schemasMissingFromPrisma } from '../testing/prisma-schemas.ts';

describe('the domains’ Prisma schemas', () => {
  it('are all listed in main.prisma', () => {
    expect(schemasMissingFromPrisma(), 'add them to `schemas` in prisma/schema/main.prisma').toEqual([]);
  });
});
