'use client';
import { X } from 'lucide-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { cn } from '@/lib/cn';

interface CatalogueEvent {
  type: string;
  description: string;
}

// Test events reach an endpoint whatever it subscribes to, so they are not offered.
const TEST_EVENT = 'webhook.test';
const ALL = '*';
const prefixOf = (type: string) => type.split('.')[0] ?? type;
const wildcard = (prefix: string) => `${prefix}.*`;

function groupEvents(events: CatalogueEvent[]) {
  const groups = new Map<string, CatalogueEvent[]>();
  for (const e of events) {
    if (e.type === TEST_EVENT) continue;
    groups.set(prefixOf(e.type), [...(groups.get(prefixOf(e.type)) ?? []), e]);
  }
  return [...groups].map(([prefix, items]) => ({ prefix, items }));
}

/**
 * The subscriptions of an endpoint: "All events" (`*`), a whole group (`site.*`, which also
 * covers event types added later) or single types. Unchecking one type under a wildcard turns
 * the wildcard into the explicit list of the others.
 */
export function EventPicker({
  events,
  value,
  onChange,
  invalid,
}: {
  events: CatalogueEvent[];
  value: string[];
  onChange: (value: string[]) => void;
  invalid?: boolean;
}) {
  const groups = groupEvents(events);
  const known = new Set([ALL, ...groups.flatMap((g) => [wildcard(g.prefix), ...g.items.map((i) => i.type)])]);
  const unknown = value.filter((f) => !known.has(f));
  const all = value.includes(ALL);
  const groupOn = (prefix: string) => all || value.includes(wildcard(prefix));
  const typeOn = (type: string) => groupOn(prefixOf(type)) || value.includes(type);

  /** Replaces `*` by every group's wildcard, so one group or type can be taken out. */
  const expandAll = (v: string[]) =>
    v.includes(ALL) ? [...v.filter((f) => f !== ALL), ...groups.map((g) => wildcard(g.prefix))] : v;

  function toggleGroup(prefix: string, on: boolean) {
    const children = new Set(groups.find((g) => g.prefix === prefix)?.items.map((i) => i.type));
    const rest = expandAll(value).filter((f) => f !== wildcard(prefix) && !children.has(f));
    onChange(on ? [...rest, wildcard(prefix)] : rest);
  }

  function toggleType(type: string, on: boolean) {
    if (on) return onChange([...value, type]);
    const prefix = prefixOf(type);
    let next = expandAll(value);
    if (next.includes(wildcard(prefix))) {
      const siblings = groups.find((g) => g.prefix === prefix)?.items.map((i) => i.type) ?? [];
      next = [...next.filter((f) => f !== wildcard(prefix)), ...siblings.filter((t) => t !== type && !next.includes(t))];
    }
    onChange(next.filter((f) => f !== type));
  }

  const selectedCount = all
    ? groups.reduce((n, g) => n + g.items.length, 0)
    : groups.reduce((n, g) => n + g.items.filter((i) => typeOn(i.type)).length, 0);

  return (
    <div className={cn('overflow-hidden rounded-md border bg-white shadow-xs', invalid ? 'border-red-400' : 'border-slate-300')}>
      <Row className="bg-slate-50/80">
        <Checkbox checked={all} onChange={(on) => onChange(on ? [ALL, ...unknown] : unknown)} label="All events">
          <span className="font-medium text-slate-900">All events</span>
          <span className="block text-xs text-slate-500">
            Everything in the catalogue, including event types added later (<code className="font-mono">*</code>)
          </span>
        </Checkbox>
      </Row>
      <div className="max-h-60 divide-y divide-slate-100 overflow-y-auto border-t border-slate-200">
        {groups.map((g) => {
          const on = g.items.filter((i) => typeOn(i.type)).length;
          return (
            <div key={g.prefix}>
              <Row>
                <Checkbox
                  checked={groupOn(g.prefix)}
                  indeterminate={!groupOn(g.prefix) && on > 0}
                  onChange={(checked) => toggleGroup(g.prefix, checked)}
                  label={`All ${g.prefix} events`}
                >
                  <span className="font-mono text-[0.8125rem] font-medium text-slate-900">{wildcard(g.prefix)}</span>
                  <span className="ml-2 text-xs text-slate-500">
                    {on} of {g.items.length} selected
                  </span>
                </Checkbox>
              </Row>
              <ul className="pb-1.5">
                {g.items.map((e) => (
                  <li key={e.type}>
                    <Row className="py-1.5 pl-9">
                      <Checkbox checked={typeOn(e.type)} onChange={(checked) => toggleType(e.type, checked)} label={e.type}>
                        <span className="font-mono text-[0.8125rem] text-slate-800">{e.type}</span>
                        <span className="block text-xs text-slate-500">{e.description}</span>
                      </Checkbox>
                    </Row>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {unknown.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5 border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
          Also subscribed:
          {unknown.map((f) => (
            <span key={f} className="inline-flex items-center gap-1 rounded bg-slate-100 py-0.5 pr-1 pl-1.5 font-mono">
              {f}
              <button
                type="button"
                aria-label={`Remove ${f}`}
                onClick={() => onChange(value.filter((v) => v !== f))}
                className="rounded p-0.5 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
              >
                <X aria-hidden className="size-3" />
              </button>
            </span>
          ))}
        </div>
      )}
      <div className="border-t border-slate-200 bg-slate-50/80 px-3 py-2 text-xs text-slate-500">
        {all
          ? 'Receives every event, now and in future.'
          : selectedCount === 0
            ? 'No events selected.'
            : `${selectedCount} ${selectedCount === 1 ? 'event type' : 'event types'} selected.`}{' '}
        Test events are always delivered.
      </div>
    </div>
  );
}

function Row({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn('px-3 py-2.5', className)}>{children}</div>;
}

function Checkbox({
  checked,
  indeterminate = false,
  onChange,
  label,
  children,
}: {
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <label className="flex cursor-pointer items-start gap-3 text-sm">
      <input
        ref={ref}
        type="checkbox"
        aria-label={label}
        className="mt-0.5 size-4 shrink-0 accent-brand-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span className="min-w-0">{children}</span>
    </label>
  );
}
