'use client';
import { FileArchive, FileJson, FolderArchive, TriangleAlert } from 'lucide-react';
import { type DragEvent, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';
import { trpc } from '@/lib/trpc';
import {
  formatBytes,
  MAX_PACKAGE_BYTES,
  type PackageProblem,
  readAsBase64,
  uploadFailure,
  uploadVersion,
} from './upload-package';

type State =
  | { step: 'idle' }
  | { step: 'tooLarge'; file: File }
  | { step: 'reading' | 'uploading'; file: File; progress: number }
  | { step: 'checking'; file: File }
  | { step: 'refused'; file: File; problems: PackageProblem[]; title: string };

/**
 * Drop zone for a module package: reads the .tgz, sends it with progress, and when the server
 * refuses it, lists every problem with where it is (a JSON path in the manifest, or a file).
 */
export function PackageUpload({
  agencyId,
  moduleId,
  slug,
  onUploaded,
}: {
  agencyId: string;
  moduleId: string;
  slug: string;
  onUploaded: (versionId: string) => void;
}) {
  const toast = useToast();
  const utils = trpc.useUtils();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const busy = state.step === 'reading' || state.step === 'uploading' || state.step === 'checking';

  async function send(file: File) {
    if (file.size > MAX_PACKAGE_BYTES) {
      setState({ step: 'tooLarge', file });
      return;
    }
    try {
      setState({ step: 'reading', file, progress: 0 });
      const packageBase64 = await readAsBase64(file, (progress) => setState({ step: 'reading', file, progress }));
      setState({ step: 'uploading', file, progress: 0 });
      const version = await uploadVersion({ agencyId, moduleId, packageBase64 }, (progress) =>
        // everything sent: the server is inspecting the package now
        setState(progress < 1 ? { step: 'uploading', file, progress } : { step: 'checking', file }),
      );
      setState({ step: 'idle' });
      await Promise.all([utils.modules.get.invalidate({ agencyId, moduleId }), utils.modules.list.invalidate({ agencyId })]);
      toast({ title: `Version ${version.version} uploaded`, description: 'It is a draft: submit it for review when ready.' });
      onUploaded(version.id);
    } catch (error) {
      setState({ step: 'refused', file, ...uploadFailure(error) });
    } finally {
      if (input.current) input.current.value = '';
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !busy) void send(file);
  }

  return (
    <Card>
      <CardHeader
        title="Upload a version"
        description={
          <>
            A .tgz of the module folder, with <code className="font-mono">dramac.module.json</code> at its root and{' '}
            <code className="font-mono">&quot;id&quot;: &quot;{slug}&quot;</code>. Up to 10 MB; each upload must have a higher
            version than the last.
          </>
        }
      />
      <div className="space-y-4 px-5 py-4">
        <label
          htmlFor={inputId}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          aria-disabled={busy || undefined}
          className={cn(
            'flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors',
            dragging ? 'border-brand-400 bg-brand-50' : 'border-slate-200 hover:border-slate-300 hover:bg-slate-50',
            busy && 'pointer-events-none opacity-60',
          )}
        >
          <FolderArchive aria-hidden className="size-8 text-slate-400" />
          <span className="mt-2 text-sm font-medium text-slate-800">
            Drop a package here, or <span className="text-brand-600 underline underline-offset-2">choose a file</span>
          </span>
          <span className="mt-1 text-xs text-slate-500">.tgz or .tar.gz, up to 10 MB</span>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept=".tgz,.tar.gz,application/gzip,application/x-gzip,application/x-tar"
            className="sr-only"
            aria-label="Package file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void send(file);
            }}
          />
        </label>

        {state.step !== 'idle' && <FileLine file={state.file} />}
        {(state.step === 'reading' || state.step === 'uploading' || state.step === 'checking') && <Progress state={state} />}
        {state.step === 'tooLarge' && (
          <Alert tone="danger" title="This file is too large">
            {state.file.name} is {formatBytes(state.file.size)}; packages are limited to 10 MB. Leave out source files, source
            maps and anything the module does not load, then pack it again.
          </Alert>
        )}
        {state.step === 'refused' && <Problems title={state.title} problems={state.problems} />}
      </div>
    </Card>
  );
}

function FileLine({ file }: { file: File }) {
  return (
    <div className="flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2">
      <FileArchive aria-hidden className="size-5 shrink-0 text-slate-400" />
      <span className="min-w-0 flex-1 truncate font-mono text-[0.8125rem] text-slate-800" title={file.name}>
        {file.name}
      </span>
      <span className="shrink-0 text-xs text-slate-500 tabular-nums">{formatBytes(file.size)}</span>
    </div>
  );
}

const stepLabels = { reading: 'Reading the file', uploading: 'Uploading', checking: 'Checking the package' };

function Progress({ state }: { state: Extract<State, { step: 'reading' | 'uploading' | 'checking' }> }) {
  const percent = 'progress' in state ? Math.round(state.progress * 100) : null;
  const label = stepLabels[state.step];
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between text-xs">
        <span className="font-medium text-slate-700">{label}…</span>
        {percent !== null && <span className="text-slate-500 tabular-nums">{percent}%</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        className="h-1.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={cn('h-full rounded-full bg-brand-600 transition-[width]', percent === null && 'w-1/3 animate-pulse')}
          style={percent === null ? undefined : { width: `${percent}%` }}
        />
      </div>
      {state.step === 'checking' && (
        <p className="text-xs text-slate-500">
          Checking file types, paths and limits, and validating the manifest. Nothing is stored unless all of it passes.
        </p>
      )}
    </div>
  );
}

const groups: { where: PackageProblem['where']; title: string; icon: typeof FileJson }[] = [
  { where: 'manifest', title: 'In dramac.module.json', icon: FileJson },
  { where: 'archive', title: 'In the archive', icon: FileArchive },
  { where: 'package', title: 'The package', icon: TriangleAlert },
];

/** Every problem, grouped by where it is; each path as a developer would search for it. */
function Problems({ title, problems }: { title: string; problems: PackageProblem[] }) {
  return (
    <Alert tone="danger" title={title}>
      <div className="mt-2 space-y-3">
        {groups.map(({ where, title: groupTitle, icon: Icon }) => {
          const shown = problems.filter((p) => p.where === where);
          if (shown.length === 0) return null;
          return (
            <div key={where}>
              <p className="flex items-center gap-1.5 text-xs font-semibold opacity-80">
                <Icon aria-hidden className="size-3.5" />
                {groupTitle}
              </p>
              <ul aria-label={groupTitle} className="mt-1 space-y-1">
                {shown.map((p) => (
                  <li key={`${p.path}-${p.message}`} className="flex flex-wrap items-baseline gap-x-2">
                    {p.path && (
                      <code className="rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs text-red-900 ring-1 ring-red-200">
                        {p.path}
                      </code>
                    )}
                    <span>{p.message}</span>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        <p className="text-xs opacity-80">
          Fix these and upload again. Editors check the manifest as you type when it names the schema:{' '}
          <a href="/docs/modules#editor-support" target="_blank" rel="noreferrer">
            how to set it up
          </a>
          .
        </p>
      </div>
    </Alert>
  );
}
