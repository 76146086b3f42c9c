import type { RouterInputs, RouterOutputs } from '@/lib/trpc';

export type LoggedRequest = RouterOutputs['requestLog']['list']['items'][number];
export type LogSummary = RouterOutputs['requestLog']['summary'];
export type ClientKind = LoggedRequest['clientKind'];

type ListInput = RouterInputs['requestLog']['list'];

/** What the log is narrowed to; empty means everything. */
export interface LogFilters {
  status: '' | NonNullable<ListInput['status']>;
  method: '' | NonNullable<ListInput['method']>;
  route: string;
  client: string;
  range: TimeRange;
}

export const timeRanges = [
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { value: 'all', label: 'Everything kept', ms: null },
] as const;
export type TimeRange = (typeof timeRanges)[number]['value'];

export const noFilters: LogFilters = { status: '', method: '', route: '', client: '', range: 'all' };

export const clientKindLabels: Record<ClientKind, string> = {
  api_token: 'API token',
  oauth_app: 'OAuth app',
  embed: 'Embed',
  anonymous: 'No valid credentials',
};
