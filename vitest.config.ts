import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/worker/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['tests/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { NEXTAUTH_SECRET: 'test-secret-for-vitest-only-0123456789' },
  },
});
