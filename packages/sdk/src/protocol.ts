// What travels over the module bridge: the methods the host (the dashboard, later the embed SDK)
// exposes to a module, and the shapes they take and return. Both sides import these types; the
// host validates every argument at runtime, since a module may send anything.

export type ToastKind = 'success' | 'error' | 'info';

export interface ModuleContext {
  installation: { id: string; status: string; version: string };
  module: { id: string; slug: string; name: string };
  site: { id: string; name: string; locale: string; timeZone: string; currency: string };
  /** non-secret settings by key; secret settings never reach a module's frontend */
  settings: Record<string, unknown>;
  user: { role: 'owner' | 'admin' | 'member' | 'visitor' };
  permissions: string[];
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Row = { id: string; created_at: string; updated_at: string } & Record<string, JsonValue>;

export type FilterValue = string | number | boolean;
/** One column's condition: a bare value means equals, null means "is null". */
export type Filter =
  | FilterValue
  | null
  | {
      eq?: FilterValue;
      neq?: FilterValue;
      lt?: FilterValue;
      lte?: FilterValue;
      gt?: FilterValue;
      gte?: FilterValue;
      /** case-insensitive "contains" */
      like?: string;
      in?: FilterValue[];
      is?: 'null' | 'notnull';
    };

export interface ListQuery {
  where?: Record<string, Filter>;
  /** "created_at.desc", or several: ["status.asc", "created_at.desc"] */
  order?: string | string[];
  /** 1..100, 25 when left out */
  limit?: number;
  /** `nextCursor` of the previous page */
  cursor?: string | null;
}

export interface Page<T = Row> {
  rows: T[];
  nextCursor: string | null;
}

/** A refused or failed call, as the module receives it (a plain object: it crosses postMessage). */
export interface BridgeErrorData {
  code: string;
  message: string;
  /** the gateway's HTTP status, when the gateway answered */
  status?: number;
  /** field path → message, for validation errors */
  fields?: Record<string, string>;
}

// a type rather than an interface: penpal's Methods wants an index signature, which only types imply
export type HostMethods = {
  context(): Promise<ModuleContext>;
  data: {
    list(table: string, query?: ListQuery): Promise<Page>;
    get(table: string, id: string): Promise<Row>;
    create(table: string, row: Record<string, JsonValue>): Promise<Row>;
    update(table: string, id: string, patch: Record<string, JsonValue>): Promise<Row>;
    remove(table: string, id: string): Promise<void>;
  };
  /** the frame's new height in CSS pixels; the host clamps it to its min/max */
  resize(height: number): Promise<void>;
  /** a path inside the site's area of the dashboard, like "/webhooks" */
  navigate(path: string): Promise<void>;
  toast(message: string, options?: { kind?: ToastKind }): Promise<void>;
  emit(name: string, payload?: Record<string, JsonValue>): Promise<void>;
};
