'use client';
import type { Manifest } from '@dramac/manifest';
import { Check, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { BackLink } from '@/components/ui/back-link';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { controlClasses } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/time';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { formatDateTime } from '@/lib/format';
import { fieldErrors, formError, type RouterOutputs, trpc } from '@/lib/trpc';
import { ManifestSummary, PermissionList } from '../manifest-summary';
import { moduleTypeLabel, VersionStatusBadge, versionStatuses } from '../version-status';

type Detail = RouterOutputs['modules']['reviewDetail'];

const NOTES_REQUIRED = 'Tell the publisher what to change: notes are required to reject';

/** One submitted version for its reviewer: what it asks for, what changed, and the decision. */
export function ReviewDetail({ initial }: { initial: Detail }) {
  const { data: detail = initial } = trpc.modules.reviewDetail.useQuery(
    { versionId: initial.version.id },
    { initialData: initial },
  );
  const { version, module, publisher, previous, permissionChanges } = detail;
  const manifest = version.manifest as Manifest;

  return (
    <>
      <PageHeader
        back={<BackLink href="/admin/reviews" label="Module reviews" />}
        title={
          <span className="flex items-center gap-3">
            {module.name} <span className="font-mono text-lg text-slate-500">{version.version}</span>
            <VersionStatusBadge status={version.status} />
          </span>
        }
        description={
          <>
            <span className="font-mono text-xs">{module.slug}</span> · {moduleTypeLabel(module.type)} · from{' '}
            {publisher?.name ?? 'Dramac'}
            {detail.submittedAt && (
              <>
                {' '}
                · submitted <RelativeTime value={detail.submittedAt} />
              </>
            )}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem] lg:items-start">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="Permissions"
              description={
                previous
                  ? `Compared with ${previous.version}, the ${versionStatuses[previous.status].label.toLowerCase()} version sites run now. New ones are what sites will be asked to grant.`
                  : 'The first release of this module: sites will be asked to grant all of these.'
              }
            />
            <CardBody>
              <PermissionList
                permissions={manifest.permissions ?? []}
                added={previous ? permissionChanges.added : []}
                removed={permissionChanges.removed}
              />
              {previous && permissionChanges.added.length === 0 && permissionChanges.removed.length === 0 && (
                <p className="mt-3 text-xs text-slate-500">The same permissions as {previous.version}.</p>
              )}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Manifest" description="Everything else dramac.module.json declares." />
            <CardBody>
              <ManifestSummary
                manifest={manifest}
                sections={['about', 'data', 'settings', 'events', 'entryPoints', 'changelog']}
              />
            </CardBody>
          </Card>
        </div>
        <div className="lg:sticky lg:top-20">
          {version.status === 'submitted' ? <Decision detail={detail} /> : <Outcome detail={detail} />}
        </div>
      </div>
    </>
  );
}

function Decision({ detail }: { detail: Detail }) {
  const router = useRouter();
  const toast = useToast();
  const utils = trpc.useUtils();
  const [notes, setNotes] = useState('');
  const [missingNotes, setMissingNotes] = useState(false);
  const { version, module } = detail;
  const review = trpc.modules.review.useMutation({
    onSuccess: async (reviewed) => {
      await Promise.all([
        utils.modules.reviewQueue.invalidate(),
        utils.modules.reviewDetail.invalidate({ versionId: version.id }),
        utils.modules.reviewerStatus.invalidate(),
      ]);
      toast({
        title: `${module.name} ${version.version} ${reviewed.status === 'approved' ? 'approved' : 'rejected'}`,
        description:
          reviewed.status === 'approved'
            ? 'The publisher can publish it now.'
            : 'The publisher sees your notes and can upload a new version.',
      });
      router.push('/admin/reviews');
    },
  });
  const decide = (approve: boolean) => {
    const missing = !approve && notes.trim() === '';
    setMissingNotes(missing);
    if (!missing) review.mutate({ versionId: version.id, approve, notes: notes.trim() || undefined });
  };
  const notesError = missingNotes ? NOTES_REQUIRED : fieldErrors(review.error).notes;
  const banner = formError(review.error, ['notes']);

  return (
    <Card>
      <CardHeader title="Decision" description="The publisher sees your notes with the version." />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          decide(true);
        }}
        className="space-y-4 px-5 py-4"
      >
        {banner && <Alert tone="danger">{banner}</Alert>}
        <Field label="Notes for the publisher" error={notesError} hint="Required to reject; optional to approve.">
          {(control) => (
            <textarea
              {...control}
              name="notes"
              rows={6}
              maxLength={5000}
              value={notes}
              onChange={(e) => {
                setNotes(e.target.value);
                setMissingNotes(false);
              }}
              placeholder="What is good, what must change…"
              className={cn(controlClasses, 'py-2')}
            />
          )}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={review.isPending && review.variables?.approve === true} disabled={review.isPending}>
            {!(review.isPending && review.variables?.approve) && <Check aria-hidden className="size-4" />}
            Approve
          </Button>
          <Button
            variant="danger"
            onClick={() => decide(false)}
            loading={review.isPending && review.variables?.approve === false}
            disabled={review.isPending}
          >
            {!(review.isPending && review.variables?.approve === false) && <X aria-hidden className="size-4" />}
            Reject
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Outcome({ detail }: { detail: Detail }) {
  const { version, reviewedBy } = detail;
  if (!version.reviewedAt) {
    return (
      <Alert tone="info" title={`This version is ${versionStatuses[version.status].label.toLowerCase()}`}>
        It has not been submitted for review.
      </Alert>
    );
  }
  const approved = version.status !== 'rejected';
  return (
    <Alert
      tone={approved ? 'success' : 'warning'}
      title={`${approved ? 'Approved' : 'Rejected'}${reviewedBy ? ` by ${reviewedBy.name}` : ''}`}
    >
      <p className="text-xs">{formatDateTime(version.reviewedAt)}</p>
      {version.reviewNotes && <p className="mt-2 whitespace-pre-line">{version.reviewNotes}</p>}
      {version.status !== 'approved' && version.status !== 'rejected' && (
        <p className="mt-2 text-xs">Now {versionStatuses[version.status].label.toLowerCase()}.</p>
      )}
    </Alert>
  );
}
