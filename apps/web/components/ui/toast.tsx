'use client';
import { CircleCheck, CircleExclamationPoint, Info, X } from 'lucide-react';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { cn } from '@/lib/cn';

type ToastTone = 'success' | 'error' | 'info';
interface ToastInput {
  title: string;
  description?: ReactNode;
  tone?: ToastTone;
}
interface ToastItem extends ToastInput {
  id: number;
}

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

const icons = { success: CircleCheck, error: CircleExclamationPoint, info: Info };
const iconColours = { success: 'text-emerald-500', error: 'text-red-500', info: 'text-brand-500' };

/** Short-lived confirmations in the corner, read out by screen readers. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (input: ToastInput) => {
      const id = ++nextId.current;
      setToasts((all) => [...all.slice(-3), { ...input, id }]);
      setTimeout(() => dismiss(id), input.tone === 'error' ? 8000 : 5000);
    },
    [dismiss],
  );
  const value = useMemo(() => toast, [toast]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-end gap-2 p-4 sm:p-6"
      >
        {toasts.map((t) => {
          const tone = t.tone ?? 'success';
          const Icon = icons[tone];
          return (
            <div
              key={t.id}
              role={tone === 'error' ? 'alert' : 'status'}
              className="pointer-events-auto flex w-full max-w-sm animate-[toast-in_150ms_ease-out] gap-3 rounded-lg bg-white p-3.5 shadow-lg ring-1 ring-slate-900/10"
            >
              <Icon aria-hidden className={cn('mt-0.5 size-4 shrink-0', iconColours[tone])} />
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium text-slate-900">{t.title}</p>
                {t.description && <div className="mt-0.5 text-slate-500">{t.description}</div>}
              </div>
              <button
                type="button"
                onClick={() => dismiss(t.id)}
                aria-label="Dismiss"
                className="-m-1 self-start rounded p-1 text-slate-400 hover:text-slate-600"
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </div>
          );
        })}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast() {
  const toast = useContext(ToastContext);
  if (!toast) throw new Error('useToast needs <ToastProvider>');
  return toast;
}
