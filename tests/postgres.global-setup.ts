// One embedded PostgreSQL for the whole test run. Migrations are applied once to a template
// database; each test file then gets its own copy (CREATE DATABASE … TEMPLATE, see
// packages/api/src/testing/harness.ts), so files run in parallel without seeing each other's rows.
import { withDatabase } from '@dramac/db';
import type { TestProject } from 'vitest/node';
import { throwawayDatabase } from '../scripts/lib/throwaway-db.ts';

export const TEMPLATE = 'dramac_template';

export default async function setup(project: TestProject) {
  const template = await throwawayDatabase(TEMPLATE);
  project.provide('postgresServerUrl', withDatabase(template.url, 'postgres'));
  return () => template.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}
