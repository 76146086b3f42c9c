// The platform's events, written in the caller's transaction (see events.ts).
import { eventEmitter } from './events.ts';
import { platformEvents } from './platform-events.ts';

export const emitEvent = eventEmitter(platformEvents);
