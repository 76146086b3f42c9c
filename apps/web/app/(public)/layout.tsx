import { Logo } from '@/components/brand';

/** Pages outside an agency: sign-in, sign-up, invitations, the first agency. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-full flex-col bg-[radial-gradient(ellipse_at_top,var(--color-brand-50),transparent_60%)]">
      <header className="flex justify-center pt-12 pb-8">
        <Logo />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-16">{children}</main>
      <footer className="pb-8 text-center text-xs text-slate-400">Dramac · the platform agencies run their clients on</footer>
    </div>
  );
}
