// The module side of the bridge: what a module's page uses to talk to Dramac. Either
//   <script src="/module-assets/sdk/module-bridge.js"></script>  → window.Dramac
// or, in a bundled module, import { connect } from '@dramac/sdk/module'.
//
//   const dramac = await Dramac.connect();
//   const { settings } = await dramac.context();
//
// The page runs in a sandboxed frame with no network access of its own (connect-src 'none'):
// everything goes through the host, which checks every call. This side talks only to its parent
// window, and only to the origin the host named in the frame's URL (#origin=…).
import { connect as penpal, type RemoteProxy, WindowMessenger } from 'penpal';
import type { BridgeErrorData, HostMethods, JsonValue, ListQuery, ModuleContext, Page, Row, ToastKind } from '../protocol.ts';

export type { BridgeErrorData, Filter, JsonValue, ListQuery, ModuleContext, Page, Row, ToastKind } from '../protocol.ts';

/** A refused or failed call: `code` like BAD_REQUEST or NOT_FOUND, `fields` for validation errors. */
export class DramacError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly fields: Record<string, string>;

  constructor(data: BridgeErrorData) {
    super(data.message);
    this.name = 'DramacError';
    this.code = data.code;
    this.status = data.status;
    this.fields = data.fields ?? {};
  }
}

export interface ConnectOptions {
  /** milliseconds to wait for the host; 10 s by default */
  timeout?: number;
  /** keep the frame as tall as the page (on by default) */
  autoResize?: boolean;
}

export interface Dramac {
  /** the installation, site, non-secret settings and the viewer's role */
  context(): Promise<ModuleContext>;
  data: {
    /** a page of rows, newest first unless `order` says otherwise; pass `nextCursor` back for the next page */
    list<T extends Row = Row>(table: string, query?: ListQuery): Promise<Page<T>>;
    get<T extends Row = Row>(table: string, id: string): Promise<T>;
    create<T extends Row = Row>(table: string, row: Record<string, JsonValue>): Promise<T>;
    update<T extends Row = Row>(table: string, id: string, changes: Record<string, JsonValue>): Promise<T>;
    remove(table: string, id: string): Promise<void>;
  };
  /** Without a height: measure the page now. With one: use it, and stop resizing automatically. */
  resize(height?: number): Promise<void>;
  /** open a page of the dashboard inside this site, like "/webhooks" */
  navigate(path: string): Promise<void>;
  toast(message: string, options?: { kind?: ToastKind }): Promise<void>;
  /** emit an event this module declares in its manifest */
  emit(name: string, payload?: Record<string, JsonValue>): Promise<void>;
  /** stop talking to the host */
  disconnect(): void;
}

function asDramacError(error: unknown): DramacError {
  if (error instanceof DramacError) return error;
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error)
    return new DramacError(error as BridgeErrorData);
  const message = error instanceof Error ? error.message : String(error);
  return new DramacError({ code: 'BRIDGE_ERROR', message });
}

/** Calls the host, turning whatever it refuses with into a DramacError. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asDramacError(error);
  }
}

/** The host's origin from the frame's URL: an exact http(s) origin, or a clear refusal. */
function hostOrigin(): string {
  const origin = new URLSearchParams(window.location.hash.slice(1)).get('origin');
  let parsed: URL | null = null;
  try {
    parsed = origin ? new URL(origin) : null;
  } catch {}
  if (!origin || !parsed || parsed.origin !== origin || !/^https?:$/.test(parsed.protocol))
    throw new DramacError({
      code: 'NOT_CONNECTED',
      message: 'This page must be opened by Dramac (its URL names the host with #origin=…)',
    });
  return origin;
}

/** Height of the page's content, which the host sizes the frame to. */
const contentHeight = () => Math.ceil(document.documentElement.getBoundingClientRect().height);

export async function connect(options: ConnectOptions = {}): Promise<Dramac> {
  if (window.parent === window)
    throw new DramacError({ code: 'NOT_CONNECTED', message: 'This page must run inside Dramac, in a frame' });
  const messenger = new WindowMessenger({ remoteWindow: window.parent, allowedOrigins: [hostOrigin()] });
  const connection = penpal<HostMethods>({ messenger, methods: {}, timeout: options.timeout ?? 10_000 });
  const host: RemoteProxy<HostMethods> = await call(() => connection.promise);

  let observer: ResizeObserver | undefined;
  let lastHeight = -1;
  const report = (height: number) => {
    if (height === lastHeight) return Promise.resolve();
    lastHeight = height;
    return call(() => host.resize(height));
  };
  if (options.autoResize !== false && typeof ResizeObserver === 'function') {
    let pending = false;
    observer = new ResizeObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        report(contentHeight()).catch(() => {});
      });
    });
    observer.observe(document.documentElement);
    report(contentHeight()).catch(() => {});
  }

  return {
    context: () => call(() => host.context()),
    data: {
      list: <T extends Row>(table: string, query?: ListQuery) => call(() => host.data.list(table, query) as Promise<Page<T>>),
      get: <T extends Row>(table: string, id: string) => call(() => host.data.get(table, id) as Promise<T>),
      create: <T extends Row>(table: string, row: Record<string, JsonValue>) =>
        call(() => host.data.create(table, row) as Promise<T>),
      update: <T extends Row>(table: string, id: string, changes: Record<string, JsonValue>) =>
        call(() => host.data.update(table, id, changes) as Promise<T>),
      remove: (table, id) => call(() => host.data.remove(table, id)),
    },
    resize(height) {
      if (height === undefined) return report(contentHeight());
      observer?.disconnect();
      observer = undefined;
      return report(height);
    },
    navigate: (path) => call(() => host.navigate(path)),
    toast: (message, toastOptions) => call(() => host.toast(message, toastOptions)),
    emit: (name, payload) => call(() => host.emit(name, payload)),
    disconnect() {
      observer?.disconnect();
      connection.destroy();
    },
  };
}
