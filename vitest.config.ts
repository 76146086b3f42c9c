import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/web/lib/**/*.test.ts',
      'apps/web/server/**/*.test.ts',
      'apps/worker/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['tests/postgres.global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: {
      NEXTAUTH_SECRET: 'test-secret-for-vitest-only-0123456789',
      // domain checks never ask a real resolver: nothing listens here, so a lookup fails at once;
      // the domain tests point this at their own DNS server on loopback
      DNS_SERVERS: '127.0.0.1:1',
    },
  },
});
