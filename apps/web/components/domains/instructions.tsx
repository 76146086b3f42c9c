'use client';
import { Code, Server } from 'lucide-react';
import { useId } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { cn } from '@/lib/cn';
import { methodLabels } from './status';
import type { Domain, Method } from './types';

const methods: { value: Method; icon: typeof Server }[] = [
  { value: 'dns_txt', icon: Server },
  { value: 'html_meta', icon: Code },
];

/** How to prove a domain, for the method chosen; the value to publish comes with a copy button. */
export function Instructions({
  domain,
  method,
  onMethodChange,
}: {
  domain: Domain;
  method: Method;
  onMethodChange: (method: Method) => void;
}) {
  const ids = useId();
  // a localhost domain (development) has no DNS to prove it with
  const dev = domain.instructions.htmlMeta.url.startsWith('http://');
  const available = dev ? methods.filter((m) => m.value === 'html_meta') : methods;
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50/60">
      <div role="tablist" aria-label="How to prove ownership" className="flex gap-1 border-b border-slate-200 px-2 pt-2">
        {available.map(({ value, icon: Icon }) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`${ids}-${value}`}
            aria-selected={method === value}
            aria-controls={`${ids}-panel`}
            onClick={() => onMethodChange(value)}
            className={cn(
              '-mb-px inline-flex items-center gap-1.5 rounded-t-md border px-3 py-1.5 text-sm font-medium',
              'focus-visible:outline-2 focus-visible:outline-brand-600',
              method === value
                ? 'border-slate-200 border-b-white bg-white text-slate-900'
                : 'border-transparent text-slate-500 hover:text-slate-800',
            )}
          >
            <Icon aria-hidden className="size-3.5" />
            {methodLabels[value]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-${method}`} className="space-y-3 bg-white px-4 py-3.5">
        {method === 'dns_txt' ? <DnsSteps domain={domain} /> : <MetaSteps domain={domain} />}
      </div>
    </div>
  );
}

function Value({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid grid-cols-[4rem_1fr_auto] items-center gap-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="min-w-0 truncate rounded bg-slate-100 px-2 py-1 font-mono text-[0.8125rem] text-slate-900" title={value}>
        {value}
      </dd>
      <dd>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

function DnsSteps({ domain }: { domain: Domain }) {
  const { name, value } = domain.instructions.dnsTxt;
  return (
    <>
      <p className="text-sm text-slate-600">
        Add this TXT record where the DNS of <span className="font-medium text-slate-900">{domain.hostname}</span> is managed:
      </p>
      <dl className="space-y-2">
        <div className="grid grid-cols-[4rem_1fr_auto] items-center gap-3">
          <dt className="text-xs font-medium text-slate-500">Type</dt>
          <dd className="font-mono text-[0.8125rem] text-slate-900">TXT</dd>
        </div>
        <Value label="Name" value={name} />
        <Value label="Value" value={value} />
      </dl>
      <p className="text-xs text-slate-500">
        If your DNS provider adds the domain to names itself, enter the name without the trailing part it adds. New records can
        take a few minutes to be visible. Keep the record: the domain is re-checked every day.
      </p>
    </>
  );
}

function MetaSteps({ domain }: { domain: Domain }) {
  const { tag, url } = domain.instructions.htmlMeta;
  return (
    <>
      <p className="text-sm text-slate-600">
        Put this tag in the <code className="font-mono text-[0.8125rem]">&lt;head&gt;</code> of the page at{' '}
        <span className="font-medium break-all text-slate-900">{url}</span>:
      </p>
      <div className="flex items-center gap-3">
        <code
          className="min-w-0 flex-1 truncate rounded bg-slate-100 px-2 py-1.5 font-mono text-[0.8125rem] text-slate-900"
          title={tag}
        >
          {tag}
        </code>
        <CopyButton value={tag} label="Copy tag" />
      </div>
      <p className="text-xs text-slate-500">
        The page must answer with 200 within 5 seconds{url.startsWith('https:') ? ' over HTTPS with a valid certificate' : ''}.
        Redirects are followed only within the same address, and only the first 256 KB are read. Keep the tag: the domain is
        re-checked every day.
      </p>
    </>
  );
}
