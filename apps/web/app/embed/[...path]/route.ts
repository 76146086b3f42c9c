// The embed endpoints for clients' websites (sdk.js, token, the embed page): packages/api/src/modules/embed.
import { handleEmbed } from '@dramac/api/embed';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleEmbed(req, await services());

export { handler as GET, handler as HEAD, handler as OPTIONS, handler as POST };
