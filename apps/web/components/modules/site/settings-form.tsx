'use client';
// The settings form of an installation, generated from the fields its manifest declares. The
// server validates every value against the same fields and answers with errors keyed
// `settings.<key>`, shown beside each field. Secrets are write-only: the form only ever knows
// whether one is set, and sends a value only when the user types a new one.
import type { SettingField } from '@dramac/manifest';
import { KeyRound, SlidersHorizontal } from 'lucide-react';
import { type ReactNode, useId, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { type ControlProps, Field } from '@/components/ui/field';
import { controlClasses, Input, Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { Switch } from '@/components/webhooks/switch';
import { cn } from '@/lib/cn';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { useInstallationCache } from './lifecycle-dialogs';
import type { Installation } from './types';
import { useUnsavedChangesGuard } from './unsaved-changes';

/** What the inputs hold: text-like and number fields as typed, switches as booleans. */
type Values = Record<string, string | boolean>;
/** A secret's new value; `replacing` opens the input for a secret that is already set. */
type Secrets = Record<string, { replacing: boolean; value: string }>;

function initialValues(fields: SettingField[], saved: Installation['settings']): Values {
  const values: Values = {};
  for (const field of fields) {
    const value = saved[field.key];
    if (field.type === 'secret') continue;
    if (field.type === 'boolean') values[field.key] = typeof value === 'boolean' ? value : (field.default ?? false);
    else values[field.key] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
  return values;
}

/**
 * The `settings` to send: an empty field is left out, so the server applies its default (or says
 * it is required); a secret goes only when a new value was typed, otherwise it keeps its value.
 */
function toSettings(fields: SettingField[], values: Values, secrets: Secrets): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === 'secret') {
      const typed = secrets[field.key]?.value ?? '';
      if (typed !== '') out[field.key] = typed;
      continue;
    }
    const value = values[field.key];
    if (typeof value === 'boolean') out[field.key] = value;
    else if (value === undefined || value.trim() === '') continue;
    else if (field.type === 'number') out[field.key] = Number.isFinite(Number(value)) ? Number(value) : value;
    else out[field.key] = value;
  }
  return out;
}

/** A field's default, as the hint under it reads. */
function defaultHint(field: SettingField): string | null {
  if (field.type === 'secret' || field.type === 'boolean' || field.default === undefined || field.default === '') return null;
  if (field.type === 'select') return null;
  return `Leave empty for the default, “${field.default}”.`;
}

function numberRange(field: SettingField): string | null {
  if (field.type !== 'number' || (field.min === undefined && field.max === undefined)) return null;
  if (field.min !== undefined && field.max !== undefined) return `From ${field.min} to ${field.max}.`;
  return field.min !== undefined ? `At least ${field.min}.` : `At most ${field.max}.`;
}

export function SettingsForm({
  installation,
  readOnly,
  setup,
}: {
  installation: Installation;
  /** members see the settings without changing them; an uninstalled module cannot be configured */
  readOnly?: ReactNode;
  /** required settings have no value: just after installing, or still */
  setup?: 'installed' | 'missing';
}) {
  const fields = installation.manifest.settings;
  if (fields.length === 0) {
    return (
      <Card>
        <EmptyState icon={SlidersHorizontal} title="Nothing to configure">
          {installation.module.name} has no settings: it works as installed.
        </EmptyState>
      </Card>
    );
  }
  // a fresh form whenever the saved values change (after saving, or someone else's save)
  return <Form key={JSON.stringify(installation.settings)} installation={installation} readOnly={readOnly} setup={setup} />;
}

function Form({
  installation,
  readOnly,
  setup,
}: {
  installation: Installation;
  readOnly?: ReactNode;
  setup?: 'installed' | 'missing';
}) {
  const fields = installation.manifest.settings;
  const toast = useToast();
  const cache = useInstallationCache(installation.siteId);
  const [initial] = useState(() => initialValues(fields, installation.settings));
  const [values, setValues] = useState(initial);
  const [secrets, setSecrets] = useState<Secrets>({});
  const configure = trpc.installations.configure.useMutation({
    onSuccess: async (saved) => {
      await cache(saved);
      toast({ title: 'Settings saved', description: `${saved.module.name} uses them from now on.` });
    },
  });
  const dirty =
    fields.some((f) => f.type !== 'secret' && values[f.key] !== initial[f.key]) ||
    Object.values(secrets).some((s) => s.value !== '');
  useUnsavedChangesGuard(dirty && !configure.isPending, 'Your settings are not saved yet. Leave without saving them?');

  const errors = fieldErrors(configure.error);
  const errorOf = (key: string) =>
    errors[`settings.${key}`] ?? Object.entries(errors).find(([path]) => path.startsWith(`settings.${key}.`))?.[1];
  const shown = Object.keys(errors).filter((path) =>
    fields.some((f) => path === `settings.${f.key}` || path.startsWith(`settings.${f.key}.`)),
  );
  const banner = formError(configure.error, shown);
  const set = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));
  const disabled = !!readOnly || configure.isPending;

  return (
    <Card>
      <CardHeader
        title="Settings"
        description={`How ${installation.module.name} behaves on this site. Secrets are stored encrypted and never shown again.`}
      />
      <form
        noValidate
        aria-label={`${installation.module.name} settings`}
        onSubmit={(e) => {
          e.preventDefault();
          if (readOnly) return;
          configure.mutate({
            siteId: installation.siteId,
            installationId: installation.id,
            settings: toSettings(fields, values, secrets),
          });
        }}
      >
        <CardBody className="space-y-5">
          {readOnly && <Alert tone="info">{readOnly}</Alert>}
          {setup && !readOnly && (
            <Alert tone="warning" title="Finish setting up">
              {setup === 'installed' ? `${installation.module.name} is installed. ` : ''}Fill in the required settings below so{' '}
              {installation.module.name} can work.
            </Alert>
          )}
          {banner ? (
            <Alert tone="danger">{banner}</Alert>
          ) : (
            shown.length > 0 && (
              <Alert tone="danger">
                {shown.length === 1 ? 'One setting needs' : `${shown.length} settings need`} your attention: see the messages
                below.
              </Alert>
            )
          )}
          {fields.map((field) =>
            field.type === 'boolean' ? (
              <BooleanSetting
                key={field.key}
                field={field}
                checked={values[field.key] === true}
                onChange={(on) => set(field.key, on)}
                error={errorOf(field.key)}
                disabled={disabled}
              />
            ) : field.type === 'secret' ? (
              <SecretSetting
                key={field.key}
                field={field}
                isSet={(installation.settings[field.key] as { set?: boolean } | undefined)?.set === true}
                state={secrets[field.key] ?? { replacing: false, value: '' }}
                onChange={(state) => setSecrets((s) => ({ ...s, [field.key]: state }))}
                error={errorOf(field.key)}
                disabled={disabled}
              />
            ) : (
              <Field
                key={field.key}
                label={field.label}
                aside={field.required ? <RequiredMark /> : undefined}
                error={errorOf(field.key)}
                hint={hintOf(field)}
              >
                {(control) => (
                  <ValueControl
                    field={field}
                    control={control}
                    value={String(values[field.key] ?? '')}
                    onChange={(v) => set(field.key, v)}
                    disabled={disabled}
                  />
                )}
              </Field>
            ),
          )}
        </CardBody>
        {!readOnly && (
          <CardFooter>
            {dirty && <span className="mr-auto text-sm text-slate-500">Unsaved changes</span>}
            <Button
              variant="ghost"
              disabled={!dirty || configure.isPending}
              onClick={() => {
                setValues(initial);
                setSecrets({});
                configure.reset();
              }}
            >
              Discard
            </Button>
            <Button type="submit" loading={configure.isPending} disabled={!dirty}>
              Save settings
            </Button>
          </CardFooter>
        )}
      </form>
    </Card>
  );
}

function hintOf(field: SettingField): ReactNode {
  const parts = [field.description, numberRange(field), defaultHint(field)].filter(Boolean);
  // each part is a sentence of its own
  return parts.length ? parts.map((p) => (/[.!?]$/.test(String(p)) ? p : `${p}.`)).join(' ') : undefined;
}

const RequiredMark = () => <span className="text-xs font-medium text-slate-500">Required</span>;

/** The input for one text-like, number, select, colour, URL or email setting. */
function ValueControl({
  field,
  control,
  value,
  onChange,
  disabled,
}: {
  field: SettingField;
  control: ControlProps;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  const common = { ...control, name: field.key, value, disabled, 'aria-required': field.required || undefined };
  switch (field.type) {
    case 'textarea':
      return (
        <textarea
          {...common}
          rows={4}
          maxLength={field.maxLength}
          onChange={(e) => onChange(e.target.value)}
          className={cn(controlClasses, 'py-2')}
        />
      );
    case 'number':
      return (
        <Input
          {...common}
          type="number"
          inputMode="decimal"
          min={field.min}
          max={field.max}
          step={field.step ?? 'any'}
          placeholder={field.default !== undefined ? String(field.default) : undefined}
          onChange={(e) => onChange(e.target.value)}
          className="max-w-48"
        />
      );
    case 'select':
      return (
        <Select {...common} onChange={(e) => onChange(e.target.value)} className="max-w-sm">
          {(field.default === undefined || value === '') && <option value="">{field.required ? 'Choose…' : 'None'}</option>}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      );
    case 'color':
      return (
        <div className="flex max-w-xs items-center gap-2">
          <input
            type="color"
            aria-label={`${field.label}: pick a colour`}
            value={/^#[0-9a-fA-F]{6}$/.test(value) ? value : (field.default ?? '#000000')}
            onChange={(e) => onChange(e.target.value)}
            disabled={disabled}
            className="h-9 w-11 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1 disabled:cursor-not-allowed"
          />
          <Input
            {...common}
            placeholder={field.default ?? '#1a2b3c'}
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            className="font-mono"
          />
        </div>
      );
    default:
      return (
        <Input
          {...common}
          type={field.type === 'url' ? 'url' : field.type === 'email' ? 'email' : 'text'}
          inputMode={field.type === 'url' ? 'url' : field.type === 'email' ? 'email' : undefined}
          maxLength={field.type === 'text' ? field.maxLength : undefined}
          placeholder={typeof field.default === 'string' ? field.default : undefined}
          spellCheck={field.type === 'text' ? undefined : false}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

function BooleanSetting({
  field,
  checked,
  onChange,
  error,
  disabled,
}: {
  field: SettingField;
  checked: boolean;
  onChange: (on: boolean) => void;
  error?: string;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <p id={`${id}-label`} className="text-sm font-medium text-slate-700">
          {field.label}
        </p>
        {(error ?? field.description) && (
          <p className={cn('mt-0.5 text-xs', error ? 'text-red-600' : 'text-slate-500')}>{error ?? field.description}</p>
        )}
      </div>
      <Switch checked={checked} onChange={onChange} label={field.label} disabled={disabled} className="mt-0.5" />
    </div>
  );
}

/**
 * A write-only secret: "Set" or "Not set", and an input only when a (new) value is to be typed.
 * The stored value never reaches the browser.
 */
function SecretSetting({
  field,
  isSet,
  state,
  onChange,
  error,
  disabled,
}: {
  field: SettingField;
  isSet: boolean;
  state: { replacing: boolean; value: string };
  onChange: (state: { replacing: boolean; value: string }) => void;
  error?: string;
  disabled: boolean;
}) {
  const editing = !isSet || state.replacing;
  const status = isSet ? (
    <Badge tone="success">
      <KeyRound aria-hidden className="size-3" />
      Set
    </Badge>
  ) : (
    <Badge tone={field.required ? 'warning' : 'neutral'}>Not set</Badge>
  );
  return (
    <Field
      label={field.label}
      aside={
        <span className="flex items-center gap-2">
          {field.required && <RequiredMark />}
          {status}
        </span>
      }
      error={error}
      hint={
        [field.description, isSet && state.replacing ? 'The new value replaces the stored one when you save.' : null]
          .filter(Boolean)
          .join(' ') || undefined
      }
    >
      {(control) =>
        editing ? (
          <div className="flex gap-2">
            <Input
              {...control}
              type="password"
              name={field.key}
              autoComplete="new-password"
              spellCheck={false}
              placeholder={isSet ? 'New value' : 'Enter the secret'}
              value={state.value}
              disabled={disabled}
              aria-required={field.required || undefined}
              onChange={(e) => onChange({ replacing: true, value: e.target.value })}
              className="font-mono"
            />
            {isSet && (
              <Button variant="ghost" disabled={disabled} onClick={() => onChange({ replacing: false, value: '' })}>
                Keep current
              </Button>
            )}
          </div>
        ) : (
          <div className="flex items-center gap-3">
            <output
              id={control.id}
              aria-describedby={control['aria-describedby']}
              className="flex h-9 flex-1 items-center rounded-md border border-dashed border-slate-300 bg-slate-50 px-3 font-mono text-sm tracking-widest text-slate-400"
            >
              ••••••••••••
            </output>
            <Button variant="secondary" disabled={disabled} onClick={() => onChange({ replacing: true, value: '' })}>
              Replace
            </Button>
          </div>
        )
      }
    </Field>
  );
}
