// The business domains the platform serves: one line per domain, nothing else to edit. Each
// folder exports its definition (defineDomain); the central files read this list.
import { crmDomain } from '../crm/crm.domain.ts';

export const domains = [crmDomain] as const;
