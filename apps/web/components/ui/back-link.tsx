import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-800">
      <ArrowLeft aria-hidden className="size-3.5" />
      {label}
    </Link>
  );
}
