import { handleRevoke } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export const POST = async (req: Request) => handleRevoke(req, await services());
