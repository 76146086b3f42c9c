import type { ClientBase } from 'pg';

/** Runs `fn` between BEGIN and COMMIT on `client`; any error rolls everything back and is rethrown. */
export async function inTransaction<T>(client: ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await fn();
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}
