// Traffic on the external surfaces: caller identification, rate limits, CORS and the request log,
// applied by one wrapper (serveExternal) around each surface's handler.
export { anonymousCaller, type Caller } from './caller.ts';
export { requestLogRetentionDays } from './config.ts';
export { pruneRequestLog } from './request-log.service.ts';
export { RequestLogWriter } from './request-log.ts';
export { type ExternalHandler, type Surface, serveExternal } from './serve.ts';
export { gatewaySurface, restSurface, trpcSurface } from './surfaces.ts';
