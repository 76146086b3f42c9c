/**
 * One value per process, however many copies of a module load it: the web server and the Next.js
 * bundle each have their own copy of this folder's modules, and must share one store of each kind.
 */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as Record<symbol, unknown>;
  const key = Symbol.for(`dramac.${name}`);
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}
