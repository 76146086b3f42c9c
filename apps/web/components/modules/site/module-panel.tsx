'use client';
import { Blocks, Power, Trash2 } from 'lucide-react';
import { ModuleFrame } from '@/components/modules/module-frame';
import { useAgency } from '@/components/shell/agency-context';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { dashboardEntry, Installation } from './types';

type Entry = NonNullable<ReturnType<typeof dashboardEntry>>;

/** The module itself: its dashboard page, or a preview of its widget, in the sandboxed frame. */
export function ModulePanel({
  installation: inst,
  entry,
  onEnable,
}: {
  installation: Installation;
  entry: Entry;
  onEnable: () => void;
}) {
  const agency = useAgency();
  if (inst.status === 'uninstalled') {
    return (
      <Card>
        <EmptyState icon={Trash2} title="Uninstalled">
          {inst.module.name} no longer runs on this site.
        </EmptyState>
      </Card>
    );
  }
  if (inst.status === 'disabled') {
    return (
      <Card>
        <EmptyState
          icon={Power}
          title={`${inst.module.name} is disabled`}
          action={
            agency.isAdmin && (
              <Button variant="secondary" onClick={onEnable}>
                <Power aria-hidden className="size-4" />
                Enable
              </Button>
            )
          }
        >
          Enable it to use it again.
        </EmptyState>
      </Card>
    );
  }
  if (!inst.packageHash) {
    return (
      <Card>
        <EmptyState icon={Blocks} title="Part of Dramac">
          {inst.module.name} is built into the platform: it has no page of its own here.
        </EmptyState>
      </Card>
    );
  }
  const { embed } = inst.manifest;
  return (
    <Card className="overflow-hidden">
      {entry.entry === 'widget' && (
        <p className="border-b border-slate-100 bg-slate-50/70 px-5 py-2 text-xs text-slate-500">
          A preview of the widget as visitors see it, with this site&apos;s settings.
        </p>
      )}
      <ModuleFrame
        // a new version is a new package: a new frame
        key={inst.packageHash}
        siteId={inst.siteId}
        moduleId={inst.moduleId}
        packageHash={inst.packageHash}
        entry={entry.entry}
        entryPath={entry.path}
        title={entry.entry === 'widget' ? `${inst.module.name} widget` : `${inst.module.name}: ${entry.title}`}
        minHeight={entry.entry === 'widget' ? (embed.minHeight ?? entry.height) : 480}
        maxHeight={entry.entry === 'widget' ? embed.maxHeight : undefined}
      />
    </Card>
  );
}
