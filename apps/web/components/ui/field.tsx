'use client';
import { type ReactNode, useId } from 'react';
import { cn } from '@/lib/cn';
import { Input } from './input';

/** What a form control needs to be labelled and described by its field. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: ReactNode;
  /** the server's message for this field */
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** optional label decoration on the right (e.g. a link) */
  aside?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** A label, a control, and below it either the field's error or a hint. */
export function Field({ label, error, hint, className, aside, children }: FieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        {aside}
      </div>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': note ? noteId : undefined })}
      {note && (
        <p id={noteId} className={cn('text-xs', error ? 'text-red-600' : 'text-slate-500')}>
          {note}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<FieldProps, 'children'> & Omit<React.ComponentProps<'input'>, 'id'>;

/** A Field holding a plain text input. */
export function TextField({ label, error, hint, className, aside, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className} aside={aside}>
      {(control) => <Input {...control} {...input} />}
    </Field>
  );
}
