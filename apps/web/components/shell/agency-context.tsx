'use client';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { type RouterOutputs, trpc } from '@/lib/trpc';

type Agency = RouterOutputs['agencies']['get'];
interface AgencyValue extends Agency {
  isAdmin: boolean;
  isOwner: boolean;
}

const AgencyContext = createContext<AgencyValue | null>(null);

/** The agency the page belongs to, and the viewer's role in it (kept fresh by its query). */
export function AgencyProvider({ initial, children }: { initial: Agency; children: ReactNode }) {
  const { data } = trpc.agencies.get.useQuery({ agencyId: initial.id }, { initialData: initial });
  const agency = data ?? initial;
  const value = { ...agency, isAdmin: agency.role === 'owner' || agency.role === 'admin', isOwner: agency.role === 'owner' };
  return <AgencyContext.Provider value={value}>{children}</AgencyContext.Provider>;
}

export function useAgency(): AgencyValue {
  const agency = useContext(AgencyContext);
  if (!agency) throw new Error('useAgency is only available under /a/[agencyId]');
  return agency;
}

/**
 * Keeps the sidebar's counts honest: when a list shows a different number than the agency's
 * counts (someone else added a site, an invitation was accepted), the agency is refetched.
 */
export function useSyncCount(key: keyof Agency['counts'], actual: number | undefined) {
  const agency = useAgency();
  const utils = trpc.useUtils();
  const stale = actual !== undefined && actual !== agency.counts[key];
  useEffect(() => {
    if (stale) void utils.agencies.get.invalidate({ agencyId: agency.id });
  }, [stale, utils, agency.id]);
}
