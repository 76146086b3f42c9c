// What the worker runs for webhooks.
export { dispatchEvent } from './dispatch.ts';
export { type DeliveryOutcome, deliver } from './deliver.ts';
