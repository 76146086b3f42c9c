// The app router's procedures as data, for tests that walk every one of them.
import { z } from 'zod';
import type { createCaller, RouterInputs } from '../index.ts';
import { appRouter } from '../router.ts';
import type { ProcedureMeta } from '../trpc.ts';

export type Path = { [R in keyof RouterInputs]: `${R & string}.${keyof RouterInputs[R] & string}` }[keyof RouterInputs];
export type InputAt<P extends Path> = P extends `${infer R extends keyof RouterInputs}.${infer Q}`
  ? Q extends keyof RouterInputs[R]
    ? RouterInputs[R][Q]
    : never
  : never;

const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[]; meta?: ProcedureMeta } }>;

export const procedurePaths = Object.keys(procedures);

/** Whether the procedure takes any input at all. */
export const hasInput = (path: string) => procedures[path]!._def.inputs.length > 0;

/** The top-level keys of a procedure's input object. */
export const inputKeys = (path: string) =>
  procedures[path]!._def.inputs.flatMap((schema) => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []));

/** Who may call a procedure: a member's session, a bearer token holding its scope, or both. */
export function callersOf(path: string): ('session' | 'token')[] {
  const meta = procedures[path]!._def.meta;
  if (meta?.tokenOnly) return ['token'];
  return meta?.scope ? ['session', 'token'] : ['session'];
}

type Call = (input: unknown) => Promise<unknown>;
export function callProcedure(api: ReturnType<typeof createCaller>, path: string, input: unknown): Promise<unknown> {
  // domains nest routers (crm.contacts.list): walk every segment of the path
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as Call;
  return procedure(input);
}

/** Whether the procedure declares `.output()`: the OpenAPI document and the typed client are built from it. */
export const hasOutput = (path: string) => Boolean((procedures[path]!._def as { output?: unknown }).output);

/** The scope a procedure asks of a bearer token, if any. */
export const scopeOf = (path: string) => procedures[path]!._def.meta?.scope;
