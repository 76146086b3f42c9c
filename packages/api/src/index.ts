import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { type AppRouter, appRouter } from './router.ts';
import { createCallerFactory } from './trpc.ts';

export { type Context, createContext, type Services, type SessionUser } from './context.ts';
export { createApiToken } from './external/api-tokens/api-tokens.service.ts';
export { verifyCredentials } from './platform/auth/auth.service.ts';
export { type AppRouter, appRouter };
export const createCaller = createCallerFactory(appRouter);
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
