import type { Metadata } from 'next';
import { ToastProvider } from '@/components/ui/toast';
import { Providers } from '@/lib/trpc';
import './globals.css';

export const metadata: Metadata = { title: { default: 'Dramac', template: '%s · Dramac' } };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <ToastProvider>{children}</ToastProvider>
        </Providers>
      </body>
    </html>
  );
}
