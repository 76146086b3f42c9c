// The host side of the module bridge: the dashboard (and later the embed SDK) connects a module's
// sandboxed iframe and exposes to it exactly the methods in methods.ts.
import { connect } from 'penpal';
import { SandboxedFrameMessenger } from './frame-messenger.ts';
import { createHostMethods, type HostOptions } from './methods.ts';

export type { BridgeErrorData, ModuleContext, ToastKind } from '../protocol.ts';
export { createHostMethods, type HostOptions, MAX_TOAST_LENGTH } from './methods.ts';
export {
  fetchTransport,
  type GatewayRequest,
  type GatewayResponse,
  type GatewayTransport,
  sessionTransport,
} from './transport.ts';

/** How to render a module page: sandboxed (scripts and forms, never same-origin) and referrer-free. */
export const MODULE_FRAME_SANDBOX = 'allow-scripts allow-forms';

/** The entry's URL, telling the module which origin its host speaks from (it talks to nothing else). */
export function moduleFrameUrl(packageHash: string, entryPath: string, hostOrigin: string): string {
  const path = entryPath.split('/').map(encodeURIComponent).join('/');
  return `/module-assets/${packageHash}/${path}#origin=${encodeURIComponent(hostOrigin)}`;
}

export interface ModuleFrameConnection {
  /** resolves once the module has connected; rejects when it does not within `timeout` */
  connected: Promise<void>;
  destroy(): void;
}

export interface ConnectModuleFrameOptions extends HostOptions {
  iframe: HTMLIFrameElement;
  /** how long the module has to load and call Dramac.connect() */
  timeout?: number;
}

export function connectModuleFrame({ iframe, timeout = 15_000, ...options }: ConnectModuleFrameOptions): ModuleFrameConnection {
  if (!iframe.sandbox.contains('allow-scripts') || iframe.sandbox.contains('allow-same-origin'))
    throw new Error(`A module frame must be sandboxed with "${MODULE_FRAME_SANDBOX}" and never allow-same-origin`);
  const connection = connect({
    messenger: new SandboxedFrameMessenger(iframe),
    // the module exposes nothing to the host: the host has nothing to ask of it
    methods: createHostMethods(options),
    timeout,
  });
  return { connected: connection.promise.then(() => undefined), destroy: connection.destroy };
}
