'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { slugify } from '@/components/sites/site-options';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, TextField } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { fieldErrors, formError, trpc } from '@/lib/trpc';
import { moduleTypes } from './version-status';

const FIELDS = ['name', 'slug', 'type'];
type ModuleType = (typeof moduleTypes)[number]['value'];
const empty = { name: '', slug: '', type: 'widget' as ModuleType };

/** Registers a module (its id, name and type), then opens it to upload the first version. */
export function CreateModuleDialog({ agencyId, open, onClose }: { agencyId: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [values, setValues] = useState(empty);
  // the id follows the name until it is edited
  const [slugEdited, setSlugEdited] = useState(false);
  const create = trpc.modules.create.useMutation({
    onSuccess: async (module) => {
      await utils.modules.list.invalidate({ agencyId });
      toast({ title: 'Module created', description: `Upload the first version of ${module.name}.` });
      router.push(`/a/${agencyId}/modules/${module.id}`);
    },
  });
  const errors = fieldErrors(create.error);
  const banner = formError(create.error, FIELDS);
  const type = moduleTypes.find((t) => t.value === values.type);

  const close = () => {
    create.reset();
    setValues(empty);
    setSlugEdited(false);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      size="md"
      title="New module"
      description="Register the module’s id first; then upload its package, built from a folder with a dramac.module.json."
      onSubmit={() => create.mutate({ agencyId, ...values })}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create module
          </Button>
        </>
      }
    >
      {banner && <Alert tone="danger">{banner}</Alert>}
      <TextField
        label="Name"
        name="name"
        value={values.name}
        onChange={(e) => {
          const name = e.target.value;
          setValues((v) => ({ ...v, name, slug: slugEdited ? v.slug : slugify(name) }));
        }}
        error={errors.name}
        placeholder="Contact form"
        autoFocus
      />
      <TextField
        label="Module id"
        name="slug"
        value={values.slug}
        onChange={(e) => {
          setSlugEdited(true);
          setValues((v) => ({ ...v, slug: e.target.value }));
        }}
        error={errors.slug}
        hint={
          <>
            The <code className="font-mono">id</code> in dramac.module.json; it never changes. Lowercase letters, digits and
            hyphens, at least 3 characters.
          </>
        }
        className="[&_input]:font-mono"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
      />
      <Field label="Type" error={errors.type} hint={type?.help}>
        {(control) => (
          <Select
            {...control}
            name="type"
            value={values.type}
            onChange={(e) => setValues((v) => ({ ...v, type: e.target.value as ModuleType }))}
          >
            {moduleTypes.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </Dialog>
  );
}
