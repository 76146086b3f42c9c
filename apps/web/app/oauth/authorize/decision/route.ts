import { handleConsentDecision } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export const POST = async (req: Request) => handleConsentDecision(req, await services());
