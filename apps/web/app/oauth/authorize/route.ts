import { handleAuthorize } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export const GET = async (req: Request) => handleAuthorize(req, await services());
