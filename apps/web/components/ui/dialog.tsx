'use client';
import { Description, DialogBackdrop, DialogPanel, DialogTitle, Dialog as HeadlessDialog } from '@headlessui/react';
import { X } from 'lucide-react';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { cn } from '@/lib/cn';
import { Alert } from './alert';
import { Button } from './button';
import { Input } from './input';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** buttons, right-aligned under the body */
  footer?: ReactNode;
  /** wraps body and footer in a form, so Enter submits */
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  size?: 'sm' | 'md';
}

/** A modal: focus is trapped inside, Escape and a click outside close it. */
export function Dialog({ open, onClose, title, description, children, footer, onSubmit, size = 'sm' }: DialogProps) {
  const content = (
    <>
      {children && <div className="space-y-4 px-5 pb-2">{children}</div>}
      {footer && (
        <div className="mt-3 flex justify-end gap-2 rounded-b-xl border-t border-slate-100 bg-slate-50/70 px-5 py-3">
          {footer}
        </div>
      )}
    </>
  );
  return (
    <HeadlessDialog open={open} onClose={onClose} className="relative z-50">
      <DialogBackdrop
        transition
        className="fixed inset-0 bg-slate-900/40 backdrop-blur-[1px] transition duration-150 data-closed:opacity-0"
      />
      <div className="fixed inset-0 flex items-start justify-center overflow-y-auto p-4 pt-[12vh]">
        <DialogPanel
          transition
          className={cn(
            'w-full rounded-xl bg-white shadow-xl ring-1 ring-slate-900/10 transition duration-150 data-closed:scale-95 data-closed:opacity-0',
            size === 'sm' ? 'max-w-md' : 'max-w-lg',
          )}
        >
          <div className="flex items-start justify-between gap-4 px-5 pt-5 pb-3">
            <div>
              <DialogTitle className="text-base font-semibold text-slate-900">{title}</DialogTitle>
              {description && <Description className="mt-1 text-sm text-slate-500">{description}</Description>}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="-mr-1 rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-600"
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
          {onSubmit ? (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                onSubmit(e);
              }}
            >
              {content}
            </form>
          ) : (
            content
          )}
        </DialogPanel>
      </div>
    </HeadlessDialog>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** when set, the confirm button stays disabled until this exact text is typed */
  confirmText?: string;
  onConfirm: () => void;
  pending?: boolean;
  error?: string | null;
}

/** Asks before something that cannot be undone; shows the action's error in place. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  description,
  children,
  confirmLabel,
  tone = 'danger',
  confirmText,
  onConfirm,
  pending,
  error,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const ready = confirmText === undefined || typed === confirmText;
  const close = () => {
    setTyped('');
    onClose();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      description={description}
      onSubmit={() => ready && !pending && onConfirm()}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant={tone} loading={pending} disabled={!ready}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {confirmText !== undefined && (
        <div className="space-y-1.5">
          <label htmlFor={inputId} className="block text-sm text-slate-700">
            Type <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-900">{confirmText}</code>{' '}
            to confirm
          </label>
          <Input
            id={inputId}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
        </div>
      )}
      {error && <Alert tone="danger">{error}</Alert>}
    </Dialog>
  );
}
