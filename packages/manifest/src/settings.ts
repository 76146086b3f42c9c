// The `settings` section of a module manifest: typed fields from which the dashboard generates
// the configuration form and against which the server validates what is saved. Each field type
// is its own variant, so a default of the wrong type is reported on `default` itself.
import { z } from 'zod';

const base = {
  key: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_]{0,47}$/, 'Use letters, digits and underscores, starting with a lowercase letter (max 48)'),
  label: z.string().trim().min(1).max(80),
  description: z.string().max(500).optional(),
  required: z.boolean().default(false),
};

const textLike = <T extends 'text' | 'textarea'>(type: T, maxLength: number) =>
  z
    .strictObject({
      ...base,
      type: z.literal(type),
      default: z.string().max(maxLength).optional(),
      maxLength: z.number().int().min(1).max(maxLength).optional(),
    })
    .refine((f) => f.default === undefined || f.maxLength === undefined || f.default.length <= f.maxLength, {
      path: ['default'],
      message: 'The default is longer than maxLength',
    });

const numberField = z
  .strictObject({
    ...base,
    type: z.literal('number'),
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
  })
  .superRefine((f, ctx) => {
    if (f.min !== undefined && f.max !== undefined && f.min > f.max)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must not be less than min' });
    if (f.default !== undefined && ((f.min !== undefined && f.default < f.min) || (f.max !== undefined && f.default > f.max)))
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'The default is outside min..max' });
  });

const selectField = z
  .strictObject({
    ...base,
    type: z.literal('select'),
    options: z
      .array(z.strictObject({ value: z.string().min(1).max(100), label: z.string().trim().min(1).max(80) }))
      .min(1)
      .max(100),
    default: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    const values = new Set<string>();
    f.options.forEach((o, i) => {
      if (values.has(o.value))
        ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: `Option "${o.value}" is listed twice` });
      values.add(o.value);
    });
    if (f.default !== undefined && !values.has(f.default))
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `The default must be one of the options: ${[...values].join(', ')}`,
      });
  });

export const settingField = z.discriminatedUnion(
  'type',
  [
    textLike('text', 1_000),
    textLike('textarea', 20_000),
    numberField,
    z.strictObject({ ...base, type: z.literal('boolean'), default: z.boolean().optional() }),
    selectField,
    z.strictObject({
      ...base,
      type: z.literal('color'),
      default: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour like #1a2b3c')
        .optional(),
    }),
    z.strictObject({ ...base, type: z.literal('url'), default: z.url({ protocol: /^https?$/ }).optional() }),
    z.strictObject({ ...base, type: z.literal('email'), default: z.email().optional() }),
    // Secrets are entered per installation, encrypted at rest and never sent back: no default.
    z.strictObject({
      ...base,
      type: z.literal('secret'),
      default: z.never({ error: 'A secret has no default: each installation enters its own' }).optional(),
    }),
  ],
  { error: 'Use a setting type: text, textarea, number, boolean, select, color, url, email or secret' },
);

export const settings = z
  .array(settingField)
  .max(100)
  .superRefine((fields, ctx) => {
    const keys = new Set<string>();
    fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Setting "${f.key}" is declared twice` });
      keys.add(f.key);
    });
  });

export type SettingField = z.infer<typeof settingField>;
