import type { Metadata } from 'next';
import { cache } from 'react';
import { ModuleDetail } from '@/components/modules/module-detail';
import { orNotFound, serverApi } from '@/lib/server-api';

type Params = Promise<{ agencyId: string; moduleId: string }>;

// another agency's module, or one that does not exist, is the same 404
const loadModule = cache(async (agencyId: string, moduleId: string) => {
  const { api } = await serverApi(`/a/${agencyId}/modules/${moduleId}`);
  return orNotFound(api.modules.get({ agencyId, moduleId }));
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { agencyId, moduleId } = await params;
  return { title: (await loadModule(agencyId, moduleId)).name };
}

export default async function Page({ params }: { params: Params }) {
  const { agencyId, moduleId } = await params;
  return <ModuleDetail initial={await loadModule(agencyId, moduleId)} />;
}
