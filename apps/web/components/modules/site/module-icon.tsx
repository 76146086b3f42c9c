'use client';
import { useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/cn';

/**
 * A module's icon from its package (served content-addressed under /module-assets), or its
 * initials when it has none or the file cannot be loaded.
 */
export function ModuleIcon({
  name,
  packageHash,
  icon,
  className = 'size-10',
}: {
  name: string;
  packageHash: string | null | undefined;
  icon: string | undefined;
  className?: string;
}) {
  const [failed, setFailed] = useState(false);
  if (!packageHash || !icon || failed) return <Avatar name={name} square className={cn('rounded-lg text-sm', className)} />;
  return (
    // a package file: next/image would proxy and re-encode what is already immutable and cached
    // biome-ignore lint/performance/noImgElement: see above
    <img
      src={`/module-assets/${packageHash}/${icon}`}
      alt=""
      onError={() => setFailed(true)}
      className={cn('shrink-0 rounded-lg bg-white object-contain ring-1 ring-slate-900/5', className)}
    />
  );
}
