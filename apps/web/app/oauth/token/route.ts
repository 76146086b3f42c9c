import { handleToken } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export const POST = async (req: Request) => handleToken(req, await services());
