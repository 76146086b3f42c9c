// Procedure paths of the app router as types, for tests that walk every procedure.
import type { RouterInputs } from '../index.ts';

export type Path = { [R in keyof RouterInputs]: `${R & string}.${keyof RouterInputs[R] & string}` }[keyof RouterInputs];
export type InputAt<P extends Path> = P extends `${infer R extends keyof RouterInputs}.${infer Q}`
  ? Q extends keyof RouterInputs[R]
    ? RouterInputs[R][Q]
    : never
  : never;
