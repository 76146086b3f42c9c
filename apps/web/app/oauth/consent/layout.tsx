import { Logo } from '@/components/brand';

/** The consent screen stands on its own, like sign-in: no agency shell around it. */
export default function ConsentLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-full flex-col bg-[radial-gradient(ellipse_at_top,var(--color-brand-50),transparent_60%)]">
      <header className="flex justify-center pt-12 pb-8">
        <Logo />
      </header>
      <main className="mx-auto w-full max-w-lg flex-1 px-4 pb-16">{children}</main>
    </div>
  );
}
