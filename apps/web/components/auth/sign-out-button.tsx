'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';

export function SignOutButton({
  callbackUrl = '/sign-in',
  label = 'Sign out',
  variant = 'ghost',
}: {
  callbackUrl?: string;
  label?: string;
  variant?: 'ghost' | 'secondary' | 'primary' | 'link';
}) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      loading={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl });
      }}
    >
      {label}
    </Button>
  );
}
