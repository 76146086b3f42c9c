// Penpal's transport for a module frame sandboxed without allow-same-origin. Such a document has an
// opaque origin: its messages arrive with origin "null", and it can only be addressed with "*".
// Penpal's WindowMessenger can do that only by allowing every origin ("*"), so this messenger
// checks both things itself: the message comes from this iframe's window (not another frame, tab
// or the page itself), and from an opaque-origin document (a frame navigated to a real origin is no
// longer the module). Only the handshake travels through window.postMessage and carries no data;
// calls and replies go over the MessagePort handed over in the handshake, which only the frame's
// document holds.
import { type InitializeMessengerOptions, type Message, type MessageHandler, type Messenger, PenpalError } from 'penpal';

const OPAQUE_ORIGIN = 'null';

export class SandboxedFrameMessenger implements Messenger {
  readonly #frame: HTMLIFrameElement;
  readonly #handlers = new Set<MessageHandler>();
  #validate: InitializeMessengerOptions['validateReceivedMessage'] | undefined;
  #log: InitializeMessengerOptions['log'];
  #port: MessagePort | undefined;

  constructor(frame: HTMLIFrameElement) {
    this.#frame = frame;
  }

  initialize = ({ log, validateReceivedMessage }: InitializeMessengerOptions) => {
    this.#log = log;
    this.#validate = validateReceivedMessage;
    window.addEventListener('message', this.#onWindowMessage);
  };

  sendMessage = (message: Message, transferables?: Transferable[]) => {
    const remote = this.#frame.contentWindow;
    if (message.type === 'SYN' || message.type === 'ACK1') {
      remote?.postMessage(message, { targetOrigin: '*', transfer: transferables });
      return;
    }
    if (message.type === 'ACK2') {
      const { port1, port2 } = new MessageChannel();
      this.#usePort(port1);
      remote?.postMessage(message, { targetOrigin: '*', transfer: [port2, ...(transferables ?? [])] });
      return;
    }
    if (!this.#port) throw new PenpalError('TRANSMISSION_FAILED', 'The module frame is not connected');
    this.#port.postMessage(message, { transfer: transferables });
  };

  addMessageHandler = (handler: MessageHandler) => {
    this.#handlers.add(handler);
  };

  removeMessageHandler = (handler: MessageHandler) => {
    this.#handlers.delete(handler);
  };

  destroy = () => {
    window.removeEventListener('message', this.#onWindowMessage);
    this.#closePort();
    this.#handlers.clear();
  };

  #onWindowMessage = (event: MessageEvent) => {
    const remote = this.#frame.contentWindow;
    if (remote === null || event.source !== remote) return;
    if (!this.#validate?.(event.data)) return;
    if (event.origin !== OPAQUE_ORIGIN) {
      this.#log?.(`Ignored a message from origin ${event.origin}: the module frame must stay sandboxed`);
      return;
    }
    const message = event.data as Message;
    // a new handshake (the frame reloaded): the old port belongs to a document that is gone
    if (message.type === 'SYN') this.#closePort();
    if (message.type === 'ACK2') {
      const port = event.ports[0];
      if (!port) return;
      this.#usePort(port);
    }
    // after the handshake, only the port speaks for the module
    if (message.type !== 'SYN' && message.type !== 'ACK1' && message.type !== 'ACK2') return;
    this.#dispatch(message);
  };

  #onPortMessage = (event: MessageEvent) => {
    if (this.#validate?.(event.data)) this.#dispatch(event.data as Message);
  };

  #dispatch(message: Message) {
    for (const handler of this.#handlers) handler(message);
  }

  #usePort(port: MessagePort) {
    this.#closePort();
    this.#port = port;
    port.addEventListener('message', this.#onPortMessage);
    port.start();
  }

  #closePort() {
    this.#port?.removeEventListener('message', this.#onPortMessage);
    this.#port?.close();
    this.#port = undefined;
  }
}
