'use client';
import { Plug, SlidersHorizontal } from 'lucide-react';
import { useAgency } from '@/components/shell/agency-context';
import { type SectionTab, SectionTabs } from '@/components/ui/section-tabs';

const tabs: SectionTab[] = [
  { label: 'General', segment: '', icon: SlidersHorizontal },
  { label: 'Apps', segment: 'apps', icon: Plug },
];

/** The sections of an agency's settings. */
export function SettingsTabs() {
  const agency = useAgency();
  return <SectionTabs label="Settings sections" base={`/a/${agency.id}/settings`} tabs={tabs} />;
}
