import path from 'node:path';
import type { NextConfig } from 'next';

const config: NextConfig = {
  // workspace packages export TypeScript source
  transpilePackages: ['@dramac/api', '@dramac/db', '@dramac/jobs', '@dramac/sdk'],
  // esbuild: a native binary, which builds the module bridge script at runtime (packages/sdk/src/bundle.ts)
  serverExternalPackages: [
    '@node-rs/argon2',
    'pg',
    'pg-boss',
    '@prisma/adapter-pg',
    'rate-limiter-flexible',
    'nodemailer',
    'esbuild',
  ],
  // `pnpm test` type-checks the whole workspace with tsc; the build need not do it again
  typescript: { ignoreBuildErrors: true },
  turbopack: { root: path.resolve(import.meta.dirname, '../..') },
  poweredByHeader: false,
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The dashboard, the consent screen and the docs are never framed (clickjacking). Module
  // assets (framed by the dashboard) and embed pages (framed by a site's verified domains) send
  // their own frame-ancestors.
  async headers() {
    return [
      {
        source: '/:path((?!module-assets/|embed/|embed$).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default config;
