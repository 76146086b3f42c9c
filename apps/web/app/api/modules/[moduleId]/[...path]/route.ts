import { handleModuleGateway } from '@dramac/api/http';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleModuleGateway(req, await services());

export { handler as DELETE, handler as GET, handler as OPTIONS, handler as PATCH, handler as POST };
