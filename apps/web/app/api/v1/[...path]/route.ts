import { handleRest } from '@dramac/api/http';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleRest(req, await services());

// OPTIONS too: CORS preflights are answered by the traffic wrapper, not Next's default
export { handler as DELETE, handler as GET, handler as OPTIONS, handler as PATCH, handler as POST, handler as PUT };
