// /embed/sdk.js: shows a module installation inside an element of a page on one of the site's
// verified domains.
//
//   <div id="contact"></div>
//   <script src="https://dashboard.example.com/embed/sdk.js"></script>
//   <script>Dramac.mount('#contact', { installationId: '…' });</script>
//
// The widget runs in an iframe of the embed page (/embed/{installationId}), which hosts the
// module's own sandboxed frame. This script gets the embed token (bound to this page's origin)
// and keeps it fresh, performs the gateway calls the embed page hands it (the token only works
// from this origin), sizes the iframe, and turns the module's events into DOM events. It talks to
// the embed page only at the dashboard's exact origin and, after the handshake, over a
// MessagePort that only the two of them hold (protocol.ts).
import { fetchTransport, type GatewayRequest, type GatewayResponse } from '../host/transport.ts';
import { type ConnectMessage, EMBED_PROTOCOL, isHello, type PageToFrame, readFrameMessage } from './protocol.ts';

export interface MountOptions {
  /** the installation to show: the Embed tab of the module in the dashboard has it */
  installationId: string;
  /** the dashboard's address; by default the one this script was loaded from */
  baseUrl?: string;
}

export type EventListener = (payload: Record<string, unknown>, event: { name: string; installationId: string }) => void;

export interface EmbedHandle {
  /** the iframe the widget runs in (removed when the page may not show it) */
  readonly iframe: HTMLIFrameElement;
  /** resolves once the widget is shown; rejects when it cannot be, with the reason */
  readonly ready: Promise<void>;
  /** calls `listener` for each `name` event the module emits ('*': every event); returns the unsubscribe function */
  on(name: string, listener: EventListener): () => void;
  /** removes the widget and stops everything it runs */
  unmount(): void;
}

/** Why the widget cannot be shown: `status` is the HTTP status of the refusal, 0 when Dramac was unreachable. */
export class EmbedError extends Error {
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    this.name = 'EmbedError';
    this.code = code;
    this.status = status;
  }
}

// read while this script runs: document.currentScript is null once it has
const scriptSrc = (document.currentScript as HTMLScriptElement | null)?.src;

const INSTALLATION_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** renew this long before the token expires, so no call goes out with a token about to lapse */
const RENEW_MARGIN_SECONDS = 60;
const RETRY_RENEW_MS = 30_000;

function dashboardOrigin(baseUrl: string | undefined): string {
  const source = baseUrl ?? scriptSrc;
  if (!source)
    throw new TypeError('Dramac.mount: pass { baseUrl } (the dashboard address) when the SDK is not loaded by a <script> tag');
  const url = new URL(source, window.location.href);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError(`Dramac.mount: ${source} is not an http(s) address`);
  return url.origin;
}

interface EmbedToken {
  token: string;
  moduleId: string;
  renewAt: number;
  expiresAt: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

async function requestToken(origin: string, installationId: string): Promise<EmbedToken> {
  let response: Response;
  try {
    response = await fetch(`${origin}/embed/token`, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      // a CORS-safelisted type: no preflight, so a refusal reaches this page in one round trip
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ installationId }),
    });
  } catch {
    throw new EmbedError('UNREACHABLE', 0, 'Dramac could not be reached');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    const message = typeof error.message === 'string' ? error.message : `Dramac answered ${response.status}`;
    throw new EmbedError(typeof error.code === 'string' ? error.code : 'REFUSED', response.status, message);
  }
  if (
    !isRecord(body) ||
    typeof body.token !== 'string' ||
    typeof body.moduleId !== 'string' ||
    typeof body.expiresIn !== 'number'
  )
    throw new EmbedError('BAD_RESPONSE', response.status, 'Dramac answered without an embed token');
  // from the lifetime rather than expiresAt: the visitor's clock may be off
  const now = Date.now();
  const lifetime = body.expiresIn * 1000;
  return {
    token: body.token,
    moduleId: body.moduleId,
    expiresAt: now + lifetime,
    renewAt: now + Math.max(lifetime / 2, lifetime - RENEW_MARGIN_SECONDS * 1000),
  };
}

/** The current embed token: renewed ahead of expiry, once at a time however many calls ask. */
class TokenKeeper {
  #token: EmbedToken | null = null;
  #pending: Promise<EmbedToken> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(private readonly fetchToken: () => Promise<EmbedToken>) {}

  get(): Promise<EmbedToken> {
    if (this.#token && Date.now() < this.#token.renewAt) return Promise.resolve(this.#token);
    return this.renew();
  }

  renew(): Promise<EmbedToken> {
    this.#pending ??= this.fetchToken()
      .then((token) => {
        this.#token = token;
        this.#schedule(token.renewAt - Date.now());
        return token;
      })
      .finally(() => {
        this.#pending = null;
      });
    return this.#pending;
  }

  /** a token the gateway refused (401): the next call gets a new one */
  discard(token: EmbedToken) {
    if (this.#token === token) this.#token = null;
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #schedule(delay: number) {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      // a failed renewal is tried again while the current token still works; calls retry on their own
      this.renew().catch(() => {
        if (this.#token && Date.now() + RETRY_RENEW_MS < this.#token.expiresAt) this.#schedule(RETRY_RENEW_MS);
      });
    }, delay);
  }
}

/** What a visitor reads instead of the widget. */
function refusalTitle(error: EmbedError): string {
  switch (error.status) {
    case 403:
      return 'This website is not allowed to show this widget.';
    case 404:
      return 'This widget does not exist any more.';
    case 409:
      return 'This widget is switched off.';
    case 429:
      return 'This widget is busy. Please try again in a minute.';
    default:
      return 'This widget could not be loaded.';
  }
}

function notice(error: EmbedError): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.dataset.dramacNotice = error.code;
  // property assignments rather than a style attribute: allowed under a page's strict CSP too
  Object.assign(box.style, {
    boxSizing: 'border-box',
    padding: '12px 16px',
    border: '1px solid #e2e8f0',
    borderRadius: '8px',
    background: '#f8fafc',
    color: '#334155',
    font: '14px/1.45 system-ui, sans-serif',
  });
  const title = document.createElement('strong');
  title.textContent = refusalTitle(error);
  const detail = document.createElement('div');
  Object.assign(detail.style, { marginTop: '4px', fontSize: '12px', color: '#64748b' });
  detail.textContent = error.message;
  box.append(title, detail);
  return box;
}

function resolveElement(target: Element | string): Element {
  const element = typeof target === 'string' ? document.querySelector(target) : target;
  if (!(element instanceof Element)) throw new TypeError(`Dramac.mount: no element matches ${String(target)}`);
  return element;
}

export function mount(target: Element | string, options: MountOptions): EmbedHandle {
  const element = resolveElement(target);
  const installationId = options?.installationId;
  if (typeof installationId !== 'string' || !INSTALLATION_ID.test(installationId))
    throw new TypeError('Dramac.mount: pass { installationId }, as the Embed tab of the module shows it');
  const origin = dashboardOrigin(options.baseUrl);

  const listeners = new Map<string, Set<EventListener>>();
  const tokens = new TokenKeeper(() => requestToken(origin, installationId));
  let port: MessagePort | null = null;
  let mounted = true;
  let settle: { resolve(): void; reject(error: Error): void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  ready.catch(() => {}); // a page that never awaits it should not see an unhandled rejection

  const container = document.createElement('div');
  container.dataset.dramacEmbed = installationId;
  const iframe = document.createElement('iframe');
  iframe.title = 'Widget';
  // the embed page may run scripts and forms, never navigate this page or open windows
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
  iframe.referrerPolicy = 'no-referrer';
  Object.assign(iframe.style, { display: 'block', width: '100%', height: '0', border: '0', visibility: 'hidden' });
  // the embed page checks that this origin is one of the site's verified domains (and the browser, its frame-ancestors)
  iframe.src = `${origin}/embed/${encodeURIComponent(installationId)}#origin=${encodeURIComponent(window.location.origin)}`;

  const dispatch = (type: string, detail: unknown) => {
    element.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
  };

  const fail = (error: EmbedError, showNotice: boolean) => {
    if (!mounted) return;
    console.warn(`[dramac] ${refusalTitle(error)} ${error.message}`);
    if (showNotice) {
      iframe.remove();
      container.replaceChildren(notice(error));
      cleanup();
    }
    dispatch('dramac:error', { installationId, code: error.code, status: error.status, message: error.message });
    settle?.reject(error);
  };

  const emit = (name: string, payload: Record<string, unknown>) => {
    dispatch('dramac:event', { installationId, name, payload });
    for (const key of [name, '*']) {
      for (const listener of listeners.get(key) ?? []) {
        try {
          listener(payload, { name, installationId });
        } catch (error) {
          console.error('[dramac] an event listener failed', error);
        }
      }
    }
  };

  /** One gateway call for the embed page, with the token of this page's origin. */
  const perform = async (request: GatewayRequest): Promise<GatewayResponse> => {
    for (let attempt = 0; ; attempt++) {
      let token: EmbedToken;
      try {
        token = await tokens.get();
      } catch (error) {
        // a refusal reaches the module as the gateway's own would: its code, status and message
        if (error instanceof EmbedError && error.status > 0)
          return { status: error.status, body: { error: { code: error.code, message: error.message } } };
        throw error;
      }
      const transport = fetchTransport({
        moduleId: token.moduleId,
        baseUrl: origin,
        headers: { authorization: `Bearer ${token.token}` },
      });
      const response = await transport(request);
      if (response.status === 401 && attempt === 0) {
        tokens.discard(token);
        continue;
      }
      // an event the gateway accepted is the module's event: the page hears of it
      if (request.method === 'POST' && request.path === '/events' && response.status >= 200 && response.status < 300) {
        const body = request.body;
        if (isRecord(body) && typeof body.name === 'string' && isRecord(body.payload)) emit(body.name, body.payload);
      }
      return response;
    }
  };

  const send = (message: PageToFrame) => port?.postMessage(message);

  const onFrameMessage = (event: MessageEvent) => {
    const message = readFrameMessage(event.data);
    if (!message || !mounted) return;
    if (message.type === 'request') {
      perform(message.request).then(
        (response) => send({ type: 'response', id: message.id, response }),
        (error: unknown) =>
          send({
            type: 'unreachable',
            id: message.id,
            message: error instanceof Error ? error.message : 'Dramac could not be reached',
          }),
      );
    } else if (message.type === 'resize') {
      iframe.style.height = `${Math.ceil(message.height)}px`;
    } else if (message.state === 'connected') {
      iframe.style.visibility = 'visible';
      dispatch('dramac:ready', { installationId });
      settle?.resolve();
    } else {
      // the embed page shows why in the frame itself
      iframe.style.visibility = 'visible';
      fail(new EmbedError('WIDGET_FAILED', 0, message.message ?? 'The widget did not start'), false);
    }
  };

  // the handshake: only from our iframe's window, only at the dashboard's origin
  const onWindowMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== origin || !isHello(event.data)) return;
    iframe.title = event.data.title.slice(0, 200) || iframe.title;
    // a new hello is a reloaded embed page: the old port belongs to a document that is gone
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = onFrameMessage;
    const connect: ConnectMessage = { protocol: EMBED_PROTOCOL, type: 'connect' };
    iframe.contentWindow?.postMessage(connect, origin, [channel.port2]);
  };

  function cleanup() {
    window.removeEventListener('message', onWindowMessage);
    port?.close();
    port = null;
    tokens.stop();
  }

  window.addEventListener('message', onWindowMessage);
  container.append(iframe);
  element.append(container);
  // the first token, fetched while the frame loads: a refusal replaces the frame with the reason
  tokens.renew().catch((error: unknown) => {
    fail(error instanceof EmbedError ? error : new EmbedError('UNREACHABLE', 0, String(error)), true);
  });

  return {
    iframe,
    ready,
    on(name, listener) {
      if (typeof listener !== 'function') throw new TypeError('Dramac: on(name, listener) needs a function');
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    unmount() {
      if (!mounted) return;
      cleanup();
      mounted = false;
      container.remove();
      listeners.clear();
      settle?.reject(new EmbedError('UNMOUNTED', 0, 'The widget was removed'));
    },
  };
}
