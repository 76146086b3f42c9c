import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/cn';

/** An OAuth app's uploaded logo (served from our own origin), or its initials. */
export function AppLogo({ name, url, className }: { name: string; url: string | null; className?: string }) {
  if (!url) return <Avatar name={name} square className={className} />;
  return (
    // biome-ignore lint/performance/noImgElement: a tiny same-origin image; next/image would only add a proxy hop
    <img src={url} alt="" className={cn('size-8 shrink-0 rounded-md object-contain ring-1 ring-slate-200', className)} />
  );
}
