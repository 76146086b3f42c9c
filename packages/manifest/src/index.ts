// Browser-safe: the manifest contract. Package inspection (node-only) is `@dramac/manifest/package`.
export * from './data.ts';
export * from './manifest.ts';
export * from './permissions.ts';
export * from './settings.ts';
