// The business domains the platform serves: one line per domain, nothing else to edit. Each
// folder exports its definition (defineDomain); the central files read this list.
export const domains = [] as const;
