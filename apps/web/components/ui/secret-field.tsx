'use client';
import { CopyButton } from './copy-button';
import { Input } from './input';

/** A secret shown once: read-only, selected on focus, with a copy button. */
export function SecretField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <Input
          id={id}
          readOnly
          value={value}
          className="font-mono text-xs"
          onFocus={(e) => e.target.select()}
          spellCheck={false}
        />
        <CopyButton value={value} size="md" />
      </div>
    </div>
  );
}
