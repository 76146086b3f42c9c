import { handleRest } from '@dramac/api/http';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleRest(req, await services());

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
