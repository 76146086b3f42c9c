'use client';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Combobox } from '@/components/ui/combobox';
import { Field, TextField } from '@/components/ui/field';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { browserDefaults, currencyChoices, localeChoices, slugify, timeZoneChoices } from './site-options';

export interface SiteValues {
  name: string;
  slug: string;
  timeZone: string;
  currency: string;
  locale: string;
}

const FIELDS = ['name', 'slug', 'timeZone', 'currency', 'locale'];

interface SiteFormProps {
  agencyId: string;
  initial?: SiteValues;
  onSubmit: (values: SiteValues) => void;
  /** the failed mutation, for field messages and the banner */
  error: unknown;
  readOnly?: boolean;
  /** the buttons; they receive whether anything changed */
  actions: (state: { dirty: boolean }) => ReactNode;
}

/**
 * A site's fields, for creating and editing. When creating, the slug follows the name until the
 * user edits it, and time zone and locale start from the browser's.
 */
export function SiteForm({ agencyId, initial, onSubmit, error, readOnly, actions }: SiteFormProps) {
  const creating = !initial;
  const [values, setValues] = useState<SiteValues>(
    initial ?? { name: '', slug: '', timeZone: 'UTC', currency: 'USD', locale: 'en-US' },
  );
  const [slugEdited, setSlugEdited] = useState(!creating);
  const [touched, setTouched] = useState<Set<keyof SiteValues>>(new Set());
  const zonesQuery = trpc.sites.timeZones.useQuery({ agencyId }, { staleTime: Number.POSITIVE_INFINITY });
  const zones = useMemo(() => timeZoneChoices(zonesQuery.data ?? [values.timeZone]), [zonesQuery.data, values.timeZone]);
  const currencies = useMemo(currencyChoices, []);
  const locales = useMemo(localeChoices, []);

  // browser defaults, applied once the zone list is known and only to untouched fields
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the zones arrive
  useEffect(() => {
    if (!creating || !zonesQuery.data) return;
    const defaults = browserDefaults(new Set(zonesQuery.data));
    setValues((v) => ({
      ...v,
      timeZone: !touched.has('timeZone') && defaults.timeZone ? defaults.timeZone : v.timeZone,
      locale: !touched.has('locale') && defaults.locale ? defaults.locale : v.locale,
    }));
  }, [creating, zonesQuery.data]);

  const set = <K extends keyof SiteValues>(key: K, value: SiteValues[K]) => {
    setTouched((t) => new Set(t).add(key));
    setValues((v) => ({ ...v, [key]: value, ...(key === 'name' && !slugEdited ? { slug: slugify(String(value)) } : {}) }));
  };

  const errors = fieldErrors(error);
  const banner = formError(error, FIELDS);
  const dirty = !initial || FIELDS.some((k) => values[k as keyof SiteValues] !== initial[k as keyof SiteValues]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form noValidate onSubmit={submit}>
      <fieldset disabled={readOnly} className="space-y-5 px-5 py-5">
        {banner && <Alert tone="danger">{banner}</Alert>}
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Site name"
            name="name"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            placeholder="Bloom Florists"
            autoFocus={creating}
          />
          <TextField
            label="Slug"
            name="slug"
            value={values.slug}
            onChange={(e) => {
              setSlugEdited(true);
              set('slug', e.target.value);
            }}
            error={errors.slug}
            hint={
              creating
                ? 'Identifies the site in URLs and the API. Lowercase letters, digits and dashes.'
                : 'Changing it breaks links and integrations that use the old slug.'
            }
            className="[&_input]:font-mono"
            spellCheck={false}
            autoCapitalize="off"
          />
        </div>
        <Field label="Time zone" error={errors.timeZone} hint="Bookings, reports and reminders use the site’s local time.">
          {(control) => (
            <Combobox
              {...control}
              value={values.timeZone}
              onChange={(v) => set('timeZone', v)}
              options={zones}
              placeholder="Search time zones…"
              disabled={readOnly}
            />
          )}
        </Field>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Currency" error={errors.currency} hint="ISO 4217 code, for prices and invoices.">
            {(control) => (
              <Combobox
                {...control}
                value={values.currency}
                onChange={(v) => set('currency', v)}
                options={currencies}
                placeholder="Search currencies…"
                disabled={readOnly}
              />
            )}
          </Field>
          <Field label="Locale" error={errors.locale} hint="Language and region for dates and numbers, e.g. en-US.">
            {(control) => (
              <Combobox
                {...control}
                value={values.locale}
                onChange={(v) => set('locale', v)}
                options={locales}
                placeholder="Search locales…"
                disabled={readOnly}
                allowCustom
              />
            )}
          </Field>
        </div>
      </fieldset>
      {!readOnly && actions({ dirty })}
    </form>
  );
}
