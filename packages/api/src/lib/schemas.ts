import { z } from 'zod';

/**
 * A timestamp in an output schema: a Date for tRPC (superjson), an ISO 8601 string on the REST
 * surface, documented as `format: date-time` in the OpenAPI document.
 */
export const dateTime = () => z.date().meta({ format: 'date-time' });
