// Generated from the REST API's OpenAPI document by openapi-typescript: do not edit.
// Run `pnpm -C packages/api generate:openapi` after changing a REST route.
export interface paths {
    "/sites/{siteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a site */
        get: operations["sites-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Describe the calling token */
        get: operations["apiTokens-current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalogue */
        get: operations["webhooks-eventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints */
        get: operations["webhooks-list"];
        put?: never;
        /** Create a webhook endpoint (returns its secret once) */
        post: operations["webhooks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["webhooks-get"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["webhooks-delete"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint */
        patch: operations["webhooks-update"];
        trace?: never;
    };
    "/sites/{siteId}/webhooks/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret */
        post: operations["webhooks-rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/webhooks/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test event */
        post: operations["webhooks-sendTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log */
        get: operations["webhooks-deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/webhook-deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again */
        post: operations["webhooks-redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/modules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the installed modules */
        get: operations["installedModules-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/modules/{installationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an installed module */
        get: operations["installedModules-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/modules/{installationId}/data/{tableName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List rows of a module's table
         * @description Rows are JSON objects whose columns the module's manifest declares (see `tables` on the installation); they are typed as open objects here because each module has its own. Filter with one query parameter per column, PostgREST-style: `?email=eq.ann@example.com`, `?qty=gte.5`, `?status=in.(new,open)`, `?note=like.urgent` (contains, any case), `?sent_at=is.null`; ops are eq, neq, lt, lte, gt, gte, like, in and is. Repeat a column to combine conditions (`?qty=gte.1&qty=lte.9`). Pages follow `nextCursor`.
         */
        get: operations["installedModules-listRows"];
        put?: never;
        /**
         * Add a row to a module's table
         * @description Rows are JSON objects whose columns the module's manifest declares (see `tables` on the installation); they are typed as open objects here because each module has its own. Send the row's columns as a JSON object; the platform sets id, created_at and updated_at.
         */
        post: operations["installedModules-createRow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/modules/{installationId}/data/{tableName}/{rowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a row of a module's table
         * @description Rows are JSON objects whose columns the module's manifest declares (see `tables` on the installation); they are typed as open objects here because each module has its own.
         */
        get: operations["installedModules-getRow"];
        put?: never;
        post?: never;
        /** Delete a row of a module's table */
        delete: operations["installedModules-deleteRow"];
        options?: never;
        head?: never;
        /**
         * Change a row of a module's table
         * @description Rows are JSON objects whose columns the module's manifest declares (see `tables` on the installation); they are typed as open objects here because each module has its own. Send only the columns to change; null clears an optional column.
         */
        patch: operations["installedModules-updateRow"];
        trace?: never;
    };
    "/sites/{siteId}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the site's domains and their verification status */
        get: operations["domains-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A row of a module's table: `id`, `created_at`, `updated_at` and the columns its manifest declares. Values by column type: text, uuid and date as strings, integer as a number, decimal as a string ("12.50"), boolean, timestamp as an ISO 8601 string in UTC, json as any JSON value; an optional column without a value is null. */
        ModuleRow: {
            [key: string]: unknown;
        };
        /**
         * @description Every error answer of the API has this shape
         * @example {
         *       "error": {
         *         "code": "BAD_REQUEST",
         *         "message": "Some fields are not valid",
         *         "fields": {
         *           "url": "Use an http(s) URL"
         *         }
         *       }
         *     }
         */
        Error: {
            error: {
                /**
                 * @description Stable and machine-readable: branch on this, not on the message
                 * @enum {string}
                 */
                code: "PARSE_ERROR" | "BAD_REQUEST" | "INTERNAL_SERVER_ERROR" | "NOT_IMPLEMENTED" | "BAD_GATEWAY" | "SERVICE_UNAVAILABLE" | "GATEWAY_TIMEOUT" | "UNAUTHORIZED" | "PAYMENT_REQUIRED" | "FORBIDDEN" | "NOT_FOUND" | "METHOD_NOT_SUPPORTED" | "TIMEOUT" | "CONFLICT" | "PRECONDITION_FAILED" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "UNPROCESSABLE_CONTENT" | "PRECONDITION_REQUIRED" | "TOO_MANY_REQUESTS" | "CLIENT_CLOSED_REQUEST";
                /** @description What went wrong and what to change, for a person to read */
                message: string;
                /** @description For invalid input: a message for each field at fault, keyed by its dotted path (`settings.color`) */
                fields?: {
                    [key: string]: string;
                };
                /** @description The id of this request (also in the `X-Request-Id` header): quote it to support, it finds the server’s logs */
                requestId?: string;
            };
        };
    };
    responses: {
        /** @description The input is not valid (`fields` names each field at fault), or the body is not JSON */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No valid API token or OAuth access token was sent */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The token lacks the scope this route needs, or the action is not allowed */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing by that id on the token's site (another site's ids are not found either) */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Over the rate limit: try again after Retry-After seconds */
        TooManyRequests: {
            headers: {
                /** @description Seconds until the limit resets */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The change conflicts with the current state, such as a value that must be unique */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is larger than the limit */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The body is not application/json */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Any other error: a 500 when something failed on our side */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "sites-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        agencyId: string;
                        name: string;
                        slug: string;
                        timeZone: string;
                        currency: string;
                        locale: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "apiTokens-current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        siteId: string;
                        scopes: string[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-eventTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        type: string;
                        description: string;
                        example: unknown;
                        schema: unknown;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        enabled: boolean;
                        disabledReason: string | null;
                        failingSince: string | null;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url: string;
                    /** @default  */
                    description?: string;
                    eventTypes: string[];
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        enabled: boolean;
                        disabledReason: string | null;
                        failingSince: string | null;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description whsec_… signing secret: shown once, store it now */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        enabled: boolean;
                        disabledReason: string | null;
                        failingSince: string | null;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    description?: string;
                    eventTypes?: string[];
                    enabled?: true | false;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        enabled: boolean;
                        disabledReason: string | null;
                        failingSince: string | null;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        url: string;
                        description: string;
                        eventTypes: string[];
                        enabled: boolean;
                        disabledReason: string | null;
                        failingSince: string | null;
                        previousSecretExpiresAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description whsec_… signing secret: shown once, store it now */
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-sendTest": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: string;
                        deliveryId: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-deliveries": {
        parameters: {
            query?: {
                endpointId?: string;
                status?: "pending" | "succeeded" | "failed" | "abandoned";
                eventType?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            id: string;
                            endpointId: string;
                            endpointUrl: string;
                            eventId: string;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed" | "abandoned";
                            attemptCount: number;
                            lastStatusCode: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            completedAt: string | null;
                            attempts: {
                                id: string;
                                attempt: number;
                                /** Format: date-time */
                                startedAt: string;
                                durationMs: number;
                                statusCode: number | null;
                                responseBody: string | null;
                                error: string | null;
                                manual: boolean;
                            }[];
                        }[];
                        nextCursor?: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "webhooks-redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The installation id, used in the data routes */
                        id: string;
                        module: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            type: "widget" | "app" | "integration" | "system";
                        };
                        /** @description The installed version (semver) */
                        version: string;
                        /**
                         * @description A disabled module keeps its data, but it cannot be reached
                         * @enum {string}
                         */
                        status: "enabled" | "disabled";
                        /** @description The settings as the site saved them, with defaults filled in; secret settings are never shown */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description What the site granted the module; its data routes need "data:own" */
                        permissions: string[];
                        /** @description The module's own tables and their columns, reachable under /data/{tableName} */
                        tables: {
                            name: string;
                            columns: {
                                name: string;
                                /** @enum {string} */
                                type: "text" | "integer" | "decimal" | "boolean" | "timestamp" | "date" | "json" | "uuid";
                                writable: boolean;
                                required: boolean;
                            }[];
                        }[];
                        /** Format: date-time */
                        installedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                installationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The installation id, used in the data routes */
                        id: string;
                        module: {
                            id: string;
                            slug: string;
                            name: string;
                            /** @enum {string} */
                            type: "widget" | "app" | "integration" | "system";
                        };
                        /** @description The installed version (semver) */
                        version: string;
                        /**
                         * @description A disabled module keeps its data, but it cannot be reached
                         * @enum {string}
                         */
                        status: "enabled" | "disabled";
                        /** @description The settings as the site saved them, with defaults filled in; secret settings are never shown */
                        settings: {
                            [key: string]: unknown;
                        };
                        /** @description What the site granted the module; its data routes need "data:own" */
                        permissions: string[];
                        /** @description The module's own tables and their columns, reachable under /data/{tableName} */
                        tables: {
                            name: string;
                            columns: {
                                name: string;
                                /** @enum {string} */
                                type: "text" | "integer" | "decimal" | "boolean" | "timestamp" | "date" | "json" | "uuid";
                                writable: boolean;
                                required: boolean;
                            }[];
                        }[];
                        /** Format: date-time */
                        installedAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-listRows": {
        parameters: {
            query?: {
                /** @description Sort keys as column.asc or column.desc, comma-separated; the default is created_at.desc */
                order?: string;
                /** @description Rows per page, 1 to 100; the default is 25 */
                limit?: number;
                /** @description The previous page's nextCursor, sent with the same order and filters */
                cursor?: string;
                /** @description Filters, one query parameter per column (`?email=eq.ann@example.com&qty=gte.5`); a column given twice must meet both conditions */
                filter?: {
                    [key: string]: string | string[];
                };
            };
            header?: never;
            path: {
                siteId: string;
                installationId: string;
                /** @description A table the module declares in its manifest */
                tableName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rows: components["schemas"]["ModuleRow"][];
                        /** @description Send it as `cursor` for the next page; null on the last page */
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-createRow": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                installationId: string;
                /** @description A table the module declares in its manifest */
                tableName: string;
            };
            cookie?: never;
        };
        /** @description The row's columns, by name, as the module's manifest declares them */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-getRow": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                installationId: string;
                /** @description A table the module declares in its manifest */
                tableName: string;
                /** @description The row's `id` (a UUID) */
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-deleteRow": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                installationId: string;
                /** @description A table the module declares in its manifest */
                tableName: string;
                /** @description The row's `id` (a UUID) */
                rowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "installedModules-updateRow": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                installationId: string;
                /** @description A table the module declares in its manifest */
                tableName: string;
                /** @description The row's `id` (a UUID) */
                rowId: string;
            };
            cookie?: never;
        };
        /** @description The row's columns, by name, as the module's manifest declares them */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModuleRow"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "domains-list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        siteId: string;
                        /** @description lowercase ASCII (punycode), no scheme, port or path */
                        hostname: string;
                        /** @enum {string} */
                        method: "dns_txt" | "html_meta";
                        /** @enum {string} */
                        status: "pending" | "verified" | "failed" | "expired";
                        /** Format: date-time */
                        statusSince: string;
                        verifiedAt: string | null;
                        /** @description scheduled checks in a row that found the proof missing */
                        consecutiveFailures: number;
                        lastCheckedAt: string | null;
                        lastOutcome: ("found" | "missing" | "mismatch" | "timeout" | "refused" | "claimed" | "error") | null;
                        lastDetail: string | null;
                        nextCheckAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description the exact origins this domain allows once verified */
                        origins: string[];
                        instructions: {
                            dnsTxt: {
                                name: string;
                                value: string;
                            };
                            htmlMeta: {
                                tag: string;
                                url: string;
                            };
                        };
                    }[];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
}
