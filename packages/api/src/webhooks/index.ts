// What the worker runs for webhooks.

export { type DeliveryJob, type DeliveryOutcome, deliverBatch } from './deliver.ts';
export { dispatchEvents } from './dispatch.ts';
