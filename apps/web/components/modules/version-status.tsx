import { Badge, type Tone } from '@/components/ui/badge';
import type { RouterOutputs } from '@/lib/trpc';

export type Version = RouterOutputs['modules']['versions'][number];
export type VersionStatus = Version['status'];

/** Each status of a version: its label, colour, and what it means for the publisher. */
export const versionStatuses: Record<VersionStatus, { label: string; tone: Tone; help: string }> = {
  draft: { label: 'Draft', tone: 'neutral', help: 'Uploaded; submit it for review when it is ready' },
  submitted: { label: 'In review', tone: 'info', help: 'Waiting for a Dramac reviewer' },
  approved: { label: 'Approved', tone: 'brand', help: 'Approved by a reviewer: publish it when you are ready' },
  rejected: { label: 'Rejected', tone: 'danger', help: 'The reviewer asked for changes: upload a new version with them' },
  published: { label: 'Published', tone: 'success', help: 'In the marketplace: sites can install it and upgrade to it' },
  deprecated: { label: 'Deprecated', tone: 'warning', help: 'No longer offered; sites that run it keep running it' },
  yanked: { label: 'Yanked', tone: 'danger', help: 'Withdrawn; sites that run it keep running it' },
};

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  const s = versionStatuses[status];
  return (
    <span title={s.help}>
      <Badge tone={s.tone}>{s.label}</Badge>
    </span>
  );
}

export const moduleTypes = [
  {
    value: 'widget',
    label: 'Widget',
    help: 'A small block shown on a site’s dashboard and, if allowed, on the client’s website',
  },
  { value: 'app', label: 'App', help: 'A whole page in the dashboard, such as a CRM or a booking calendar' },
  { value: 'integration', label: 'Integration', help: 'Connects a site to another service, mostly in the background' },
] as const;

export const moduleTypeLabel = (type: string) =>
  moduleTypes.find((t) => t.value === type)?.label ?? (type === 'system' ? 'System' : type);

/** The newest version by upload (versions only go up, so also the highest). */
export const latestVersion = (versions: Version[]) => versions[0];
