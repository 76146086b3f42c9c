import type { RouterOutputs } from '@/lib/trpc';

export type Endpoint = RouterOutputs['webhooks']['list'][number];
export type Delivery = RouterOutputs['webhooks']['deliveries']['items'][number];
export type DeliveryStatus = Delivery['status'];
export type Catalogue = RouterOutputs['webhooks']['catalogue'];

/** What the delivery log is narrowed to; empty means everything. */
export interface DeliveryFilters {
  endpointId: string;
  status: '' | DeliveryStatus;
  eventType: string;
}

/** A secret to show once, after creating an endpoint or rotating its secret. */
export interface RevealedSecret {
  kind: 'created' | 'rotated';
  url: string;
  secret: string;
  /** until when the previous secret still signs (rotation only) */
  previousExpiresAt?: Date | null;
}
