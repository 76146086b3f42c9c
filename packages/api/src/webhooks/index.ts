// What the worker runs for webhooks.
export { dispatchEvents } from './dispatch.ts';
export { type DeliveryJob, type DeliveryOutcome, deliverBatch } from './deliver.ts';
