// openapi-typescript builds its output with the TypeScript compiler API, which TypeScript 7 (native,
// the workspace's compiler) no longer has. It gets its own TypeScript 5 rather than the workspace's
// as a peer; nothing else sees that copy.
module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name === 'openapi-typescript') {
        delete pkg.peerDependencies?.typescript;
        pkg.dependencies = { ...pkg.dependencies, typescript: '5.9.3' };
      }
      return pkg;
    },
  },
};
