import { handleMetadata } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export const GET = async () => handleMetadata(await services());
