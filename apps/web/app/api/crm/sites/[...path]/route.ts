import { handleCrmFiles } from '@dramac/api/http';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleCrmFiles(req, await services());

export { handler as GET, handler as POST };
