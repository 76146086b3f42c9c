import { formatDateTime, formatRelative } from '@/lib/format';

/** A date shown relative ("3 days ago"), with the exact time on hover. */
export function RelativeTime({ value }: { value: Date }) {
  return (
    <time dateTime={value.toISOString()} title={formatDateTime(value)} suppressHydrationWarning>
      {formatRelative(value)}
    </time>
  );
}
