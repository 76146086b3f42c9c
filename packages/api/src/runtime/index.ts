// What a running web or worker process needs around the request handlers: client addresses,
// request ids, structured logs, outage answers and clean shutdown.
export * from './client-address.ts';
export * from './log.ts';
export * from './outage.ts';
export * from './request-context.ts';
export * from './shutdown.ts';
