import { SearchX } from 'lucide-react';
import { Logo } from '@/components/brand';
import { ButtonLink } from '@/components/ui/button';

/** Unknown pages, and agencies that do not exist or that the visitor is not a member of. */
export default function NotFound() {
  return (
    <div className="flex min-h-full flex-col items-center justify-center px-4 py-16 text-center">
      <Logo className="mb-10" />
      <div className="mb-5 flex size-12 items-center justify-center rounded-full bg-slate-100">
        <SearchX aria-hidden className="size-5 text-slate-500" />
      </div>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-slate-500">
        This page does not exist, or it belongs to an agency you are not a member of. If someone shared the link with you, ask
        them to invite you.
      </p>
      <ButtonLink href="/" className="mt-8">
        Back to your dashboard
      </ButtonLink>
    </div>
  );
}
