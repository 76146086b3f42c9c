// The embed page's script (/embed/frame.js on /embed/{installationId}): the bridge host of the
// module's sandboxed widget frame, inside the iframe that the embed SDK put on a client's page.
//
// Every call of the module is checked here by the same host methods the dashboard uses
// (@dramac/sdk/host), then handed as a gateway request to the SDK on the page, which performs it
// with its embed token (bound to the page's origin). The page never talks to the module, and the
// module never talks to the page: each speaks only to this document.
import { connectModuleFrame, MODULE_FRAME_SANDBOX } from '../host/index.ts';
import type { GatewayRequest, GatewayResponse, GatewayTransport } from '../host/transport.ts';
import {
  EMBED_PROTOCOL,
  type EmbedPageConfig,
  type FrameToPage,
  type HelloMessage,
  isConnect,
  readPageMessage,
} from './protocol.ts';

/** How long the module has to load and call Dramac.connect(). */
const CONNECT_TIMEOUT_MS = 15_000;
/** How long a call waits for the page's SDK to connect before it fails. */
const SDK_TIMEOUT_MS = 15_000;
const TOAST_MS = 4_000;

function readConfig(): EmbedPageConfig {
  const text = document.getElementById('dramac-embed')?.textContent;
  if (!text) throw new Error('The embed page has no configuration');
  return JSON.parse(text) as EmbedPageConfig;
}

function showNotice(message: string) {
  const notice = document.getElementById('notice');
  if (!notice) return;
  notice.textContent = message;
  notice.hidden = false;
}

/** The origin of the page that framed us: the one it wrote in our URL, which the browser confirms where it can. */
function parentOrigin(config: EmbedPageConfig): string | null {
  const named = new URLSearchParams(window.location.hash.slice(1)).get('origin');
  if (!named || !config.origins.includes(named)) return null;
  // Chromium and WebKit tell a frame who its parent is; frame-ancestors already refused the others
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== named) return null;
  return named;
}

/**
 * The page's SDK as a gateway transport. Only the page's window, at its exact origin, may open the
 * channel, and only once: later messages on the window (a second "connect", a forged answer) are
 * ignored; answers come only over the port it handed over.
 */
function pageChannel(origin: string, title: string) {
  const pending = new Map<number, { resolve(response: GatewayResponse): void; reject(error: Error): void }>();
  let nextId = 1;
  let port: MessagePort | null = null;
  let opened: () => void;
  const connected = new Promise<void>((resolve) => {
    opened = resolve;
  });

  const onPortMessage = (event: MessageEvent) => {
    const message = readPageMessage(event.data);
    const call = message && pending.get(message.id);
    if (!message || !call) return;
    pending.delete(message.id);
    if (message.type === 'response') call.resolve(message.response);
    else call.reject(new Error(message.message));
  };

  const onWindowMessage = (event: MessageEvent) => {
    if (event.source !== window.parent || event.origin !== origin || !isConnect(event.data)) return;
    const handed = event.ports[0];
    if (!handed) return;
    window.removeEventListener('message', onWindowMessage);
    port = handed;
    port.onmessage = onPortMessage;
    opened();
  };
  window.addEventListener('message', onWindowMessage);
  const hello: HelloMessage = { protocol: EMBED_PROTOCOL, type: 'hello', title };
  window.parent.postMessage(hello, origin);

  const send = (message: FrameToPage) => {
    if (port) port.postMessage(message);
    else void connected.then(() => port?.postMessage(message));
  };

  const transport: GatewayTransport = async (request: GatewayRequest) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The page did not connect the widget')), SDK_TIMEOUT_MS);
    });
    try {
      await Promise.race([connected, timeout]);
    } finally {
      clearTimeout(timer);
    }
    const id = nextId++;
    return new Promise<GatewayResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      send({ type: 'request', id, request });
    });
  };

  return { send, transport };
}

function toaster() {
  const region = document.getElementById('toasts');
  return ({ message, kind }: { message: string; kind: string }) => {
    if (!region) return;
    const toast = document.createElement('p');
    toast.className = `toast ${kind}`;
    toast.textContent = message;
    region.append(toast);
    setTimeout(() => toast.remove(), TOAST_MS);
  };
}

function start() {
  const config = readConfig();
  if (window.parent === window) {
    showNotice(
      `This page shows ${config.moduleName} inside a website. Add it to a page with the snippet from the Embed tab of the module in Dramac.`,
    );
    return;
  }
  const origin = parentOrigin(config);
  if (!origin) {
    showNotice('This website is not allowed to show this widget.');
    return;
  }

  const page = pageChannel(origin, config.moduleName);
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', MODULE_FRAME_SANDBOX);
  frame.referrerPolicy = 'no-referrer';
  frame.title = config.moduleName;
  // the widget talks to this page only, at this origin (the module side reads #origin=)
  frame.src = `${config.widgetPath}#origin=${encodeURIComponent(window.location.origin)}`;
  frame.style.height = `${config.height}px`;
  document.body.append(frame);
  page.send({ type: 'resize', height: config.height });

  const connection = connectModuleFrame({
    iframe: frame,
    transport: page.transport,
    minHeight: config.minHeight,
    maxHeight: config.maxHeight,
    timeout: CONNECT_TIMEOUT_MS,
    onResize(height) {
      frame.style.height = `${height}px`;
      page.send({ type: 'resize', height });
    },
    onToast: toaster(),
    // no navigation: a visitor has no dashboard to be sent to
  });
  connection.connected.then(
    () => {
      page.send({ type: 'status', state: 'connected' });
      // one render per shown widget, for the module's analytics and webhooks
      void page.transport({ method: 'POST', path: '/renders', body: { entry: 'widget', surface: 'embed' } }).catch(() => {});
    },
    () => {
      frame.remove();
      const message = `${config.moduleName} did not load. Please reload the page to try again.`;
      showNotice(message);
      page.send({ type: 'resize', height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
      page.send({ type: 'status', state: 'failed', message });
    },
  );
}

start();
