'use client';
import { Activity, Blocks, Globe, LayoutDashboard, Webhook } from 'lucide-react';
import { type SectionTab, SectionTabs } from '@/components/ui/section-tabs';

const tabs: SectionTab[] = [
  { label: 'Overview', segment: '', icon: LayoutDashboard },
  { label: 'Modules', segment: 'modules', icon: Blocks },
  { label: 'Webhooks', segment: 'webhooks', icon: Webhook },
  { label: 'Domains', segment: 'domains', icon: Globe },
  { label: 'API log', segment: 'api-log', icon: Activity },
];

/** The sections of one site. */
export function SiteTabs({ agencyId, siteId }: { agencyId: string; siteId: string }) {
  return <SectionTabs label="Site sections" base={`/a/${agencyId}/sites/${siteId}`} tabs={tabs} />;
}
