// What other parts of the platform use from domains: the worker's checks, and the allowed
// origins for CORS and frame-ancestors.
export { checkDomain, enqueueDueChecks } from './domains.service.ts';
export { verifiedOrigins } from './verified-origins.ts';
