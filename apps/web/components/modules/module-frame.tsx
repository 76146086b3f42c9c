'use client';
// A module's widget or page, rendered in a sandboxed iframe (scripts and forms, never our origin)
// from the package's content-addressed assets, and connected to the dashboard through the bridge:
// the module reaches its data through the gateway with the viewer's session, asks for toasts and
// navigation, and sizes its frame to its content.
import { connectModuleFrame, MODULE_FRAME_SANDBOX, moduleFrameUrl, sessionTransport } from '@dramac/sdk/host';
import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useAgency } from '@/components/shell/agency-context';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { cn } from '@/lib/cn';

/** How long a module has to load and call Dramac.connect() before we show an error. */
const CONNECT_TIMEOUT_MS = 15_000;
const DEFAULT_MIN_HEIGHT = 120;
const DEFAULT_MAX_HEIGHT = 4000;

export interface ModuleFrameProps {
  siteId: string;
  moduleId: string;
  packageHash: string;
  entry: 'widget' | 'dashboardPage';
  /** the entry point's path inside the package, like "dist/widget.html" */
  entryPath: string;
  minHeight?: number;
  maxHeight?: number;
  /** the frame's accessible name, such as the module's name */
  title?: string;
  className?: string;
}

type FrameState = 'connecting' | 'connected' | 'failed';

export function ModuleFrame({
  siteId,
  moduleId,
  packageHash,
  entry,
  entryPath,
  minHeight = DEFAULT_MIN_HEIGHT,
  maxHeight = DEFAULT_MAX_HEIGHT,
  title = 'Module',
  className,
}: ModuleFrameProps) {
  const agency = useAgency();
  const router = useRouter();
  const toast = useToast();
  // state rather than a ref: a retry mounts a new iframe, and the bridge must follow it
  const [frame, setFrame] = useState<HTMLIFrameElement | null>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [state, setState] = useState<FrameState>('connecting');
  const [height, setHeight] = useState(minHeight);
  const [attempt, setAttempt] = useState(0);

  // the bridge lives as long as the frame; these change identity on renders that must not reconnect it
  const latest = useRef({ router, toast });
  latest.current = { router, toast };

  // the host's origin goes into the frame's URL, so it can only be known in the browser
  useEffect(() => {
    setSrc(moduleFrameUrl(packageHash, entryPath, window.location.origin));
  }, [packageHash, entryPath]);

  useEffect(() => {
    if (!frame) return;
    setState('connecting');
    const transport = sessionTransport({ moduleId, siteId });
    const connection = connectModuleFrame({
      iframe: frame,
      transport,
      minHeight,
      maxHeight,
      timeout: CONNECT_TIMEOUT_MS,
      onResize: setHeight,
      onToast: ({ message, kind }) => latest.current.toast({ title: message, tone: kind }),
      navigation: { basePath: `/a/${agency.id}/sites/${siteId}`, navigate: (path) => latest.current.router.push(path) },
    });
    let current = true;
    connection.connected.then(
      () => {
        if (!current) return;
        setState('connected');
        // one render per connected frame: read by marketplace analytics and webhooks
        void transport({ method: 'POST', path: '/renders', body: { entry, surface: 'dashboard' } }).catch(() => {});
      },
      () => current && setState('failed'),
    );
    return () => {
      current = false;
      connection.destroy();
    };
  }, [frame, moduleId, siteId, agency.id, entry, minHeight, maxHeight]);

  if (state === 'failed')
    return (
      <Alert
        tone="danger"
        title={`${title} did not load`}
        className={className}
        actions={
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              setState('connecting');
              setAttempt((n) => n + 1);
            }}
          >
            <RefreshCw aria-hidden className="size-3.5" />
            Retry
          </Button>
        }
      >
        It did not connect to the dashboard within {CONNECT_TIMEOUT_MS / 1000} seconds. Retry, or check that its page loads the
        Dramac bridge and calls Dramac.connect().
      </Alert>
    );

  return (
    <div className={cn('relative', className)} style={{ height }} aria-busy={state === 'connecting' || undefined}>
      {state === 'connecting' && (
        <div role="status" aria-label={`Loading ${title}`} className="absolute inset-0 space-y-3 p-1">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      )}
      {src && (
        <iframe
          // a fresh element, document and connection for every retry or new package
          key={`${attempt}:${src}`}
          ref={setFrame}
          src={src}
          title={title}
          sandbox={MODULE_FRAME_SANDBOX}
          referrerPolicy="no-referrer"
          className={cn('block h-full w-full border-0', state === 'connecting' && 'invisible')}
        />
      )}
    </div>
  );
}
