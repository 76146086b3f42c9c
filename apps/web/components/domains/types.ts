import type { RouterOutputs } from '@/lib/trpc';

export type Domain = RouterOutputs['domains']['list'][number];
export type DomainCheck = RouterOutputs['domains']['history'][number];
export type Method = Domain['method'];
export type Outcome = DomainCheck['outcome'];
