import { Badge } from '@/components/ui/badge';
import type { Installation } from './types';

/** Enabled, disabled or uninstalled, as a badge. */
export function InstallationStatusBadge({ status }: { status: Installation['status'] }) {
  if (status === 'enabled') return <Badge tone="success">Enabled</Badge>;
  if (status === 'disabled') return <Badge>Disabled</Badge>;
  return <Badge tone="warning">Uninstalled</Badge>;
}
