import { handleAppLogo } from '@dramac/api/oauth';
import { services } from '@/lib/services';

export async function GET(_req: Request, { params }: { params: Promise<{ clientId: string }> }) {
  return handleAppLogo(await services(), (await params).clientId);
}
