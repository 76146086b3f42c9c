// What a process must do before it exits cleanly (write the request log's buffer, close pools),
// registered by whoever owns the resource and run by the process's server once it has stopped
// taking requests (the Next.js bundle registers, the server runs: one set per process).
import { processWide } from './process-wide.ts';

type Hook = () => Promise<void>;

const hooks = processWide('shutdownHooks', () => new Set<Hook>());

/** Registers a hook; returns its removal (for an owner that closes itself earlier). */
export function onShutdown(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

/** Runs every hook once, at most `timeoutMs` in all; a failing hook does not stop the others. */
export async function runShutdownHooks(timeoutMs = 5000): Promise<void> {
  const running = [...hooks].map((hook) => hook().catch(() => {}));
  hooks.clear();
  await Promise.race([Promise.all(running), new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}
