// The router's contract with its callers, checked over every procedure.
import { describe, expect, it } from 'vitest';
import { scopes } from './external/scopes.ts';
import { hasOutput, procedurePaths, scopeOf } from './testing/router-walk.ts';

describe('every procedure', () => {
  it('declares its output: the dashboard types, the OpenAPI document and the REST client come from it', () => {
    expect(procedurePaths.filter((path) => !hasOutput(path))).toEqual([]);
  });

  it('asks tokens only for scopes in the scope list', () => {
    const unknown = procedurePaths.filter((path) => {
      const scope = scopeOf(path);
      return scope !== undefined && !scopes.includes(scope);
    });
    expect(unknown).toEqual([]);
  });
});
