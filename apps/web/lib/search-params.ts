/** Next.js page search params, as they arrive. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a search param. */
export const param = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
