// Module package files (and the bridge script) for sandboxed module frames: packages/api/src/modules/assets.
import { handleModuleAsset } from '@dramac/api/module-assets';
import { services } from '@/lib/services';

const handler = async (req: Request) => handleModuleAsset(req, await services());

export { handler as GET, handler as HEAD };
