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
    "/sites/{siteId}/crm/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List contacts (search, filter, sort, keyset pages) */
        get: operations["crm-contacts-list"];
        put?: never;
        /** Create a contact */
        post: operations["crm-contacts-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/contacts/{contactId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a contact */
        get: operations["crm-contacts-get"];
        put?: never;
        post?: never;
        /** Delete a contact */
        delete: operations["crm-contacts-delete"];
        options?: never;
        head?: never;
        /** Change a contact's fields (only those given) */
        patch: operations["crm-contacts-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/contacts/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change owner, status or tags of up to 500 contacts */
        post: operations["crm-contacts-bulkUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/contacts/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete up to 500 contacts */
        post: operations["crm-contacts-bulkDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/contacts/{contactId}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contacts alike by email, phone or name */
        get: operations["crm-contacts-duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/contacts/{contactId}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge other contacts into this one */
        post: operations["crm-contacts-merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List companies */
        get: operations["crm-companies-list"];
        put?: never;
        /** Create a company */
        post: operations["crm-companies-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/companies/{companyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a company */
        get: operations["crm-companies-get"];
        put?: never;
        post?: never;
        /** Delete a company (its contacts and deals stay) */
        delete: operations["crm-companies-delete"];
        options?: never;
        head?: never;
        /** Change a company's fields */
        patch: operations["crm-companies-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/companies/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change owner, account type or tags of up to 500 companies */
        post: operations["crm-companies-bulkUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/companies/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete up to 500 companies */
        post: operations["crm-companies-bulkDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/companies/{companyId}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Companies alike by name or phone */
        get: operations["crm-companies-duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/companies/{companyId}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge other companies into this one */
        post: operations["crm-companies-merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deals */
        get: operations["crm-deals-list"];
        put?: never;
        /** Create a deal */
        post: operations["crm-deals-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/deals/{dealId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deal */
        get: operations["crm-deals-get"];
        put?: never;
        post?: never;
        /** Delete a deal */
        delete: operations["crm-deals-delete"];
        options?: never;
        head?: never;
        /** Change a deal's fields */
        patch: operations["crm-deals-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/deals/{dealId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a deal to another stage of its pipeline */
        post: operations["crm-deals-move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/deals/bulk-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change owner or tags of up to 500 deals */
        post: operations["crm-deals-bulkUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/deals/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete up to 500 deals */
        post: operations["crm-deals-bulkDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline's stages with their deals and totals (the default pipeline when none is named) */
        get: operations["crm-deals-board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipeline value, forecast, win rate, deals won per month, activities per member */
        get: operations["crm-deals-reports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pipelines and their stages (the default one is made on first use) */
        get: operations["crm-pipelines-list"];
        put?: never;
        /** Create a pipeline with its stages */
        post: operations["crm-pipelines-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/pipelines/{pipelineId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a pipeline without deals */
        delete: operations["crm-pipelines-delete"];
        options?: never;
        head?: never;
        /** Rename, set rotting days, make default, or change the stages */
        patch: operations["crm-pipelines-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact's, company's or deal's activities and field changes, newest first */
        get: operations["crm-activities-timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log a note, call, meeting or email, or add a task */
        post: operations["crm-activities-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/activities/{activityId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an activity */
        delete: operations["crm-activities-delete"];
        options?: never;
        head?: never;
        /** Change an activity */
        patch: operations["crm-activities-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/activities/{activityId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task done (or not done) */
        post: operations["crm-activities-complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The custom fields of contacts, companies or deals */
        get: operations["crm-fields-list"];
        put?: never;
        /** Define a custom field */
        post: operations["crm-fields-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/custom-fields/{fieldId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a custom field and its values */
        delete: operations["crm-fields-delete"];
        options?: never;
        head?: never;
        /** Change a custom field's label, choices, required or position */
        patch: operations["crm-fields-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List segments */
        get: operations["crm-segments-list"];
        put?: never;
        /** Save a segment: rules and (later) static members */
        post: operations["crm-segments-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/segments/{segmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a segment (its records stay) */
        delete: operations["crm-segments-delete"];
        options?: never;
        head?: never;
        /** Rename a segment or change its rules */
        patch: operations["crm-segments-update"];
        trace?: never;
    };
    "/sites/{siteId}/crm/segments/{segmentId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add (or remove) static members */
        post: operations["crm-segments-members"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last 20 imports and their progress */
        get: operations["crm-imports-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's progress and counts */
        get: operations["crm-imports-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/imports/{importId}/rejects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's rejected rows with their line and reason */
        get: operations["crm-imports-rejects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sites/{siteId}/crm/imports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Headers, a suggested column mapping and the first rows checked */
        post: operations["crm-imports-preview"];
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
    "crm-contacts-list": {
        parameters: {
            query?: {
                q?: string;
                filter?: string;
                sort?: string;
                limit?: number;
                cursor?: string;
                segmentId?: string;
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
                            firstName: string;
                            lastName: string;
                            name: string;
                            email: string | null;
                            phone: string | null;
                            emails: {
                                address: string;
                                isPrimary: boolean;
                            }[];
                            phones: {
                                number: string;
                                label: string | null;
                                isPrimary: boolean;
                            }[];
                            jobTitle: string | null;
                            department: string | null;
                            companyId: string | null;
                            /** @enum {string} */
                            status: "lead" | "customer" | "churned" | "archived";
                            /** @enum {string} */
                            leadStatus: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                            source: string | null;
                            sourceDetails: string | null;
                            website: string | null;
                            linkedinUrl: string | null;
                            twitterUrl: string | null;
                            addressLine1: string | null;
                            addressLine2: string | null;
                            city: string | null;
                            region: string | null;
                            postalCode: string | null;
                            country: string | null;
                            tags: string[];
                            ownerId: string | null;
                            leadScore: number;
                            lastContactedAt: string | null;
                            customFields: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                        total: number;
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
    "crm-contacts-create": {
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
                    contact: {
                        /** @default  */
                        firstName?: string;
                        /** @default  */
                        lastName?: string;
                        /** @default [] */
                        emails?: string[];
                        phones?: {
                            number: string;
                            label?: string | null;
                        }[];
                        jobTitle?: string | null;
                        department?: string | null;
                        companyId?: string | null;
                        /**
                         * @default lead
                         * @enum {string}
                         */
                        status?: "lead" | "customer" | "churned" | "archived";
                        /**
                         * @default new
                         * @enum {string}
                         */
                        leadStatus?: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source?: string | null;
                        sourceDetails?: string | null;
                        website?: string | null;
                        linkedinUrl?: string | null;
                        twitterUrl?: string | null;
                        addressLine1?: string | null;
                        addressLine2?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postalCode?: string | null;
                        country?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        /** @default 0 */
                        leadScore?: number;
                        lastContactedAt?: string | null;
                        /** @default {} */
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        firstName: string;
                        lastName: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        emails: {
                            address: string;
                            isPrimary: boolean;
                        }[];
                        phones: {
                            number: string;
                            label: string | null;
                            isPrimary: boolean;
                        }[];
                        jobTitle: string | null;
                        department: string | null;
                        companyId: string | null;
                        /** @enum {string} */
                        status: "lead" | "customer" | "churned" | "archived";
                        /** @enum {string} */
                        leadStatus: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source: string | null;
                        sourceDetails: string | null;
                        website: string | null;
                        linkedinUrl: string | null;
                        twitterUrl: string | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        tags: string[];
                        ownerId: string | null;
                        leadScore: number;
                        lastContactedAt: string | null;
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-contacts-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                contactId: string;
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
                        firstName: string;
                        lastName: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        emails: {
                            address: string;
                            isPrimary: boolean;
                        }[];
                        phones: {
                            number: string;
                            label: string | null;
                            isPrimary: boolean;
                        }[];
                        jobTitle: string | null;
                        department: string | null;
                        companyId: string | null;
                        /** @enum {string} */
                        status: "lead" | "customer" | "churned" | "archived";
                        /** @enum {string} */
                        leadStatus: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source: string | null;
                        sourceDetails: string | null;
                        website: string | null;
                        linkedinUrl: string | null;
                        twitterUrl: string | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        tags: string[];
                        ownerId: string | null;
                        leadScore: number;
                        lastContactedAt: string | null;
                        customFields: {
                            [key: string]: unknown;
                        };
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
    "crm-contacts-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                contactId: string;
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
                        deleted: number;
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
    "crm-contacts-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        firstName?: string;
                        lastName?: string;
                        emails?: string[];
                        phones?: {
                            number: string;
                            label?: string | null;
                        }[];
                        jobTitle?: string | null;
                        department?: string | null;
                        companyId?: string | null;
                        /** @enum {string} */
                        status?: "lead" | "customer" | "churned" | "archived";
                        /** @enum {string} */
                        leadStatus?: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source?: string | null;
                        sourceDetails?: string | null;
                        website?: string | null;
                        linkedinUrl?: string | null;
                        twitterUrl?: string | null;
                        addressLine1?: string | null;
                        addressLine2?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postalCode?: string | null;
                        country?: string | null;
                        tags?: string[];
                        ownerId?: string | null;
                        leadScore?: number;
                        lastContactedAt?: string | null;
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        firstName: string;
                        lastName: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        emails: {
                            address: string;
                            isPrimary: boolean;
                        }[];
                        phones: {
                            number: string;
                            label: string | null;
                            isPrimary: boolean;
                        }[];
                        jobTitle: string | null;
                        department: string | null;
                        companyId: string | null;
                        /** @enum {string} */
                        status: "lead" | "customer" | "churned" | "archived";
                        /** @enum {string} */
                        leadStatus: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source: string | null;
                        sourceDetails: string | null;
                        website: string | null;
                        linkedinUrl: string | null;
                        twitterUrl: string | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        tags: string[];
                        ownerId: string | null;
                        leadScore: number;
                        lastContactedAt: string | null;
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-contacts-bulkUpdate": {
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
                    ids: string[];
                    change: {
                        ownerId?: string | null;
                        /** @enum {string} */
                        status?: "lead" | "customer" | "churned" | "archived";
                        addTags?: string[];
                        removeTags?: string[];
                    };
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
                        updated: number;
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
    "crm-contacts-bulkDelete": {
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
                    ids: string[];
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
                        deleted: number;
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
    "crm-contacts-duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                contactId: string;
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
                        name: string;
                        reasons: ("email" | "phone" | "name")[];
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
    "crm-contacts-merge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                contactId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mergeIds: string[];
                    /** @default {} */
                    fields?: {
                        [key: string]: string;
                    };
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
                        firstName: string;
                        lastName: string;
                        name: string;
                        email: string | null;
                        phone: string | null;
                        emails: {
                            address: string;
                            isPrimary: boolean;
                        }[];
                        phones: {
                            number: string;
                            label: string | null;
                            isPrimary: boolean;
                        }[];
                        jobTitle: string | null;
                        department: string | null;
                        companyId: string | null;
                        /** @enum {string} */
                        status: "lead" | "customer" | "churned" | "archived";
                        /** @enum {string} */
                        leadStatus: "new" | "contacted" | "qualified" | "unqualified" | "converted";
                        source: string | null;
                        sourceDetails: string | null;
                        website: string | null;
                        linkedinUrl: string | null;
                        twitterUrl: string | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        tags: string[];
                        ownerId: string | null;
                        leadScore: number;
                        lastContactedAt: string | null;
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-companies-list": {
        parameters: {
            query?: {
                q?: string;
                filter?: string;
                sort?: string;
                limit?: number;
                cursor?: string;
                segmentId?: string;
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
                            name: string;
                            domain: string | null;
                            industry: string | null;
                            website: string | null;
                            phone: string | null;
                            employeeCount: number | null;
                            annualRevenue: {
                                amountMinor: number;
                                currency: string;
                            } | null;
                            addressLine1: string | null;
                            addressLine2: string | null;
                            city: string | null;
                            region: string | null;
                            postalCode: string | null;
                            country: string | null;
                            /** @enum {string} */
                            accountType: "prospect" | "customer" | "partner" | "competitor" | "other";
                            ownerId: string | null;
                            tags: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                        total: number;
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
    "crm-companies-create": {
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
                    company: {
                        name: string;
                        domain?: string | null;
                        industry?: string | null;
                        website?: string | null;
                        phone?: string | null;
                        employeeCount?: number | null;
                        annualRevenue?: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1?: string | null;
                        addressLine2?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postalCode?: string | null;
                        country?: string | null;
                        /**
                         * @default prospect
                         * @enum {string}
                         */
                        accountType?: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId?: string | null;
                        tags?: string[];
                        /** @default {} */
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        name: string;
                        domain: string | null;
                        industry: string | null;
                        website: string | null;
                        phone: string | null;
                        employeeCount: number | null;
                        annualRevenue: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        /** @enum {string} */
                        accountType: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-companies-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                companyId: string;
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
                        name: string;
                        domain: string | null;
                        industry: string | null;
                        website: string | null;
                        phone: string | null;
                        employeeCount: number | null;
                        annualRevenue: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        /** @enum {string} */
                        accountType: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
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
    "crm-companies-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                companyId: string;
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
                        deleted: number;
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
    "crm-companies-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                companyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        name?: string;
                        domain?: string | null;
                        industry?: string | null;
                        website?: string | null;
                        phone?: string | null;
                        employeeCount?: number | null;
                        annualRevenue?: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1?: string | null;
                        addressLine2?: string | null;
                        city?: string | null;
                        region?: string | null;
                        postalCode?: string | null;
                        country?: string | null;
                        /** @enum {string} */
                        accountType?: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId?: string | null;
                        tags?: string[];
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        name: string;
                        domain: string | null;
                        industry: string | null;
                        website: string | null;
                        phone: string | null;
                        employeeCount: number | null;
                        annualRevenue: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        /** @enum {string} */
                        accountType: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-companies-bulkUpdate": {
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
                    ids: string[];
                    change: {
                        ownerId?: string | null;
                        /** @enum {string} */
                        accountType?: "prospect" | "customer" | "partner" | "competitor" | "other";
                        addTags?: string[];
                        removeTags?: string[];
                    };
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
                        updated: number;
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
    "crm-companies-bulkDelete": {
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
                    ids: string[];
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
                        deleted: number;
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
    "crm-companies-duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                companyId: string;
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
                        name: string;
                        reasons: ("email" | "phone" | "name")[];
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
    "crm-companies-merge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                companyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mergeIds: string[];
                    /** @default {} */
                    fields?: {
                        [key: string]: string;
                    };
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
                        name: string;
                        domain: string | null;
                        industry: string | null;
                        website: string | null;
                        phone: string | null;
                        employeeCount: number | null;
                        annualRevenue: {
                            amountMinor: number;
                            currency: string;
                        } | null;
                        addressLine1: string | null;
                        addressLine2: string | null;
                        city: string | null;
                        region: string | null;
                        postalCode: string | null;
                        country: string | null;
                        /** @enum {string} */
                        accountType: "prospect" | "customer" | "partner" | "competitor" | "other";
                        ownerId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-deals-list": {
        parameters: {
            query?: {
                q?: string;
                filter?: string;
                sort?: string;
                limit?: number;
                cursor?: string;
                segmentId?: string;
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
                            name: string;
                            pipelineId: string;
                            stageId: string;
                            stageName: string;
                            amount: {
                                amountMinor: number;
                                currency: string;
                            };
                            probability: number;
                            probabilityOverride: number | null;
                            weightedAmount: {
                                amountMinor: number;
                                currency: string;
                            };
                            /** @enum {string} */
                            status: "open" | "won" | "lost";
                            closeReason: string | null;
                            expectedCloseDate: string | null;
                            actualCloseDate: string | null;
                            ownerId: string | null;
                            contactId: string | null;
                            companyId: string | null;
                            tags: string[];
                            customFields: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            stageChangedAt: string;
                            rotting: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        nextCursor: string | null;
                        total: number;
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
    "crm-deals-create": {
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
                    deal: {
                        name: string;
                        pipelineId?: string;
                        stageId?: string;
                        amount?: {
                            amountMinor: number;
                            currency: string;
                        };
                        probabilityOverride?: number | null;
                        closeReason?: string | null;
                        expectedCloseDate?: string | null;
                        ownerId?: string | null;
                        contactId?: string | null;
                        companyId?: string | null;
                        tags?: string[];
                        /** @default {} */
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        name: string;
                        pipelineId: string;
                        stageId: string;
                        stageName: string;
                        amount: {
                            amountMinor: number;
                            currency: string;
                        };
                        probability: number;
                        probabilityOverride: number | null;
                        weightedAmount: {
                            amountMinor: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "won" | "lost";
                        closeReason: string | null;
                        expectedCloseDate: string | null;
                        actualCloseDate: string | null;
                        ownerId: string | null;
                        contactId: string | null;
                        companyId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        stageChangedAt: string;
                        rotting: boolean;
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-deals-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                dealId: string;
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
                        name: string;
                        pipelineId: string;
                        stageId: string;
                        stageName: string;
                        amount: {
                            amountMinor: number;
                            currency: string;
                        };
                        probability: number;
                        probabilityOverride: number | null;
                        weightedAmount: {
                            amountMinor: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "won" | "lost";
                        closeReason: string | null;
                        expectedCloseDate: string | null;
                        actualCloseDate: string | null;
                        ownerId: string | null;
                        contactId: string | null;
                        companyId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        stageChangedAt: string;
                        rotting: boolean;
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
    "crm-deals-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                dealId: string;
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
                        deleted: number;
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
    "crm-deals-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        name?: string;
                        stageId?: string;
                        amount?: {
                            amountMinor: number;
                            currency: string;
                        };
                        probabilityOverride?: number | null;
                        closeReason?: string | null;
                        expectedCloseDate?: string | null;
                        ownerId?: string | null;
                        contactId?: string | null;
                        companyId?: string | null;
                        tags?: string[];
                        customFields?: {
                            [key: string]: unknown;
                        };
                    };
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
                        name: string;
                        pipelineId: string;
                        stageId: string;
                        stageName: string;
                        amount: {
                            amountMinor: number;
                            currency: string;
                        };
                        probability: number;
                        probabilityOverride: number | null;
                        weightedAmount: {
                            amountMinor: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "won" | "lost";
                        closeReason: string | null;
                        expectedCloseDate: string | null;
                        actualCloseDate: string | null;
                        ownerId: string | null;
                        contactId: string | null;
                        companyId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        stageChangedAt: string;
                        rotting: boolean;
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-deals-move": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                dealId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    stageId: string;
                    closeReason?: string | null;
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
                        name: string;
                        pipelineId: string;
                        stageId: string;
                        stageName: string;
                        amount: {
                            amountMinor: number;
                            currency: string;
                        };
                        probability: number;
                        probabilityOverride: number | null;
                        weightedAmount: {
                            amountMinor: number;
                            currency: string;
                        };
                        /** @enum {string} */
                        status: "open" | "won" | "lost";
                        closeReason: string | null;
                        expectedCloseDate: string | null;
                        actualCloseDate: string | null;
                        ownerId: string | null;
                        contactId: string | null;
                        companyId: string | null;
                        tags: string[];
                        customFields: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        stageChangedAt: string;
                        rotting: boolean;
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
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            default: components["responses"]["Error"];
        };
    };
    "crm-deals-bulkUpdate": {
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
                    ids: string[];
                    change: {
                        ownerId?: string | null;
                        addTags?: string[];
                        removeTags?: string[];
                    };
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
                        updated: number;
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
    "crm-deals-bulkDelete": {
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
                    ids: string[];
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
                        deleted: number;
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
    "crm-deals-board": {
        parameters: {
            query?: {
                pipelineId?: string;
                perStage?: number;
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
                        pipeline: {
                            id: string;
                            name: string;
                            isDefault: boolean;
                            rottingDays: number | null;
                            stages: {
                                id: string;
                                name: string;
                                position: number;
                                color: string;
                                probability: number;
                                /** @enum {string} */
                                type: "open" | "won" | "lost";
                            }[];
                        };
                        stages: {
                            count: number;
                            total: {
                                currency: string;
                                amountMinor: number;
                            }[];
                            weighted: {
                                currency: string;
                                amountMinor: number;
                            }[];
                            stage: {
                                id: string;
                                name: string;
                                position: number;
                                color: string;
                                probability: number;
                                /** @enum {string} */
                                type: "open" | "won" | "lost";
                            };
                            deals: {
                                id: string;
                                name: string;
                                pipelineId: string;
                                stageId: string;
                                stageName: string;
                                amount: {
                                    amountMinor: number;
                                    currency: string;
                                };
                                probability: number;
                                probabilityOverride: number | null;
                                weightedAmount: {
                                    amountMinor: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "open" | "won" | "lost";
                                closeReason: string | null;
                                expectedCloseDate: string | null;
                                actualCloseDate: string | null;
                                ownerId: string | null;
                                contactId: string | null;
                                companyId: string | null;
                                tags: string[];
                                customFields: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                stageChangedAt: string;
                                rotting: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                        }[];
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
    "crm-deals-reports": {
        parameters: {
            query?: {
                pipelineId?: string;
                from?: string;
                to?: string;
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
                        period: {
                            from: string;
                            to: string;
                        };
                        pipelineValue: {
                            pipelineId: string;
                            stages: {
                                count: number;
                                total: {
                                    currency: string;
                                    amountMinor: number;
                                }[];
                                weighted: {
                                    currency: string;
                                    amountMinor: number;
                                }[];
                                stage: {
                                    id: string;
                                    name: string;
                                    position: number;
                                    color: string;
                                    probability: number;
                                    /** @enum {string} */
                                    type: "open" | "won" | "lost";
                                };
                            }[];
                        };
                        forecast: {
                            month: string;
                            count: number;
                            total: {
                                currency: string;
                                amountMinor: number;
                            }[];
                            weighted: {
                                currency: string;
                                amountMinor: number;
                            }[];
                        }[];
                        winRate: {
                            won: number;
                            lost: number;
                            rate: number | null;
                            wonValue: {
                                currency: string;
                                amountMinor: number;
                            }[];
                        };
                        wonPerMonth: {
                            month: string;
                            count: number;
                            total: {
                                currency: string;
                                amountMinor: number;
                            }[];
                        }[];
                        activitiesPerMember: {
                            memberId: string | null;
                            total: number;
                            byType: {
                                [key: string]: number;
                            };
                        }[];
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
    "crm-pipelines-list": {
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
                        name: string;
                        isDefault: boolean;
                        rottingDays: number | null;
                        stages: {
                            id: string;
                            name: string;
                            position: number;
                            color: string;
                            probability: number;
                            /** @enum {string} */
                            type: "open" | "won" | "lost";
                        }[];
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
    "crm-pipelines-create": {
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
                    pipeline: {
                        name: string;
                        /** @default null */
                        rottingDays?: number | null;
                        stages: {
                            id?: string;
                            name: string;
                            /** @default #64748b */
                            color?: string;
                            probability: number;
                            /**
                             * @default open
                             * @enum {string}
                             */
                            type?: "open" | "won" | "lost";
                        }[];
                    };
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
                        name: string;
                        isDefault: boolean;
                        rottingDays: number | null;
                        stages: {
                            id: string;
                            name: string;
                            position: number;
                            color: string;
                            probability: number;
                            /** @enum {string} */
                            type: "open" | "won" | "lost";
                        }[];
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
    "crm-pipelines-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                pipelineId: string;
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
                        deleted: number;
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
    "crm-pipelines-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                pipelineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    rottingDays?: number | null;
                    /** @constant */
                    isDefault?: true;
                    stages?: {
                        id?: string;
                        name: string;
                        /** @default #64748b */
                        color?: string;
                        probability: number;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        type?: "open" | "won" | "lost";
                    }[];
                    /** @default {} */
                    moveDealsTo?: {
                        [key: string]: string;
                    };
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
                        name: string;
                        isDefault: boolean;
                        rottingDays: number | null;
                        stages: {
                            id: string;
                            name: string;
                            position: number;
                            color: string;
                            probability: number;
                            /** @enum {string} */
                            type: "open" | "won" | "lost";
                        }[];
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
    "crm-activities-timeline": {
        parameters: {
            query: {
                entity: "contact" | "company" | "deal";
                recordId: string;
                limit?: number;
                cursor?: string;
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
                        items: ({
                            /** @constant */
                            kind: "activity";
                            id: string;
                            /** Format: date-time */
                            at: string;
                            activity: {
                                id: string;
                                /** @enum {string} */
                                type: "note" | "call" | "meeting" | "email" | "task";
                                subject: string;
                                body: string;
                                contactId: string | null;
                                companyId: string | null;
                                dealId: string | null;
                                createdById: string | null;
                                /** Format: date-time */
                                occurredAt: string;
                                durationSeconds: number | null;
                                direction: string | null;
                                outcome: string | null;
                                startsAt: string | null;
                                endsAt: string | null;
                                location: string | null;
                                attendees: string[];
                                dueAt: string | null;
                                priority: ("low" | "medium" | "high" | "urgent") | null;
                                assigneeId: string | null;
                                completedAt: string | null;
                                overdue: boolean;
                            };
                        } | {
                            /** @constant */
                            kind: "change";
                            id: string;
                            /** Format: date-time */
                            at: string;
                            field: string;
                            old: unknown;
                            new: unknown;
                            byId: string | null;
                        })[];
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
    "crm-activities-create": {
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
                    activity: {
                        /** @constant */
                        type: "note";
                        /** @default  */
                        subject?: string;
                        /** @default  */
                        body?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        contactId?: string | null;
                        companyId?: string | null;
                        dealId?: string | null;
                    } | {
                        /** @constant */
                        type: "call";
                        /** @default  */
                        subject?: string;
                        /** @default  */
                        body?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        contactId?: string | null;
                        companyId?: string | null;
                        dealId?: string | null;
                        durationSeconds?: number | null;
                        direction?: ("inbound" | "outbound") | null;
                        outcome?: string | null;
                    } | {
                        /** @constant */
                        type: "meeting";
                        /** @default  */
                        subject?: string;
                        /** @default  */
                        body?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        contactId?: string | null;
                        companyId?: string | null;
                        dealId?: string | null;
                        /** Format: date-time */
                        startsAt: string;
                        endsAt?: string | null;
                        location?: string | null;
                        /** @default [] */
                        attendees?: string[];
                    } | {
                        /** @constant */
                        type: "email";
                        /** @default  */
                        subject?: string;
                        /** @default  */
                        body?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        contactId?: string | null;
                        companyId?: string | null;
                        dealId?: string | null;
                        direction?: ("inbound" | "outbound") | null;
                    } | {
                        /** @constant */
                        type: "task";
                        subject: string;
                        /** @default  */
                        body?: string;
                        /** Format: date-time */
                        occurredAt?: string;
                        contactId?: string | null;
                        companyId?: string | null;
                        dealId?: string | null;
                        dueAt?: string | null;
                        /**
                         * @default medium
                         * @enum {string}
                         */
                        priority?: "low" | "medium" | "high" | "urgent";
                        assigneeId?: string | null;
                    };
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
                        /** @enum {string} */
                        type: "note" | "call" | "meeting" | "email" | "task";
                        subject: string;
                        body: string;
                        contactId: string | null;
                        companyId: string | null;
                        dealId: string | null;
                        createdById: string | null;
                        /** Format: date-time */
                        occurredAt: string;
                        durationSeconds: number | null;
                        direction: string | null;
                        outcome: string | null;
                        startsAt: string | null;
                        endsAt: string | null;
                        location: string | null;
                        attendees: string[];
                        dueAt: string | null;
                        priority: ("low" | "medium" | "high" | "urgent") | null;
                        assigneeId: string | null;
                        completedAt: string | null;
                        overdue: boolean;
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
    "crm-activities-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                activityId: string;
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
                        deleted: number;
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
    "crm-activities-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    changes: {
                        subject?: string;
                        body?: string;
                        dueAt?: string | null;
                        /** @enum {string} */
                        priority?: "low" | "medium" | "high" | "urgent";
                        assigneeId?: string | null;
                        outcome?: string | null;
                    };
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
                        /** @enum {string} */
                        type: "note" | "call" | "meeting" | "email" | "task";
                        subject: string;
                        body: string;
                        contactId: string | null;
                        companyId: string | null;
                        dealId: string | null;
                        createdById: string | null;
                        /** Format: date-time */
                        occurredAt: string;
                        durationSeconds: number | null;
                        direction: string | null;
                        outcome: string | null;
                        startsAt: string | null;
                        endsAt: string | null;
                        location: string | null;
                        attendees: string[];
                        dueAt: string | null;
                        priority: ("low" | "medium" | "high" | "urgent") | null;
                        assigneeId: string | null;
                        completedAt: string | null;
                        overdue: boolean;
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
    "crm-activities-complete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                activityId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    done?: boolean;
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
                        /** @enum {string} */
                        type: "note" | "call" | "meeting" | "email" | "task";
                        subject: string;
                        body: string;
                        contactId: string | null;
                        companyId: string | null;
                        dealId: string | null;
                        createdById: string | null;
                        /** Format: date-time */
                        occurredAt: string;
                        durationSeconds: number | null;
                        direction: string | null;
                        outcome: string | null;
                        startsAt: string | null;
                        endsAt: string | null;
                        location: string | null;
                        attendees: string[];
                        dueAt: string | null;
                        priority: ("low" | "medium" | "high" | "urgent") | null;
                        assigneeId: string | null;
                        completedAt: string | null;
                        overdue: boolean;
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
    "crm-fields-list": {
        parameters: {
            query: {
                entity: "contact" | "company" | "deal";
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
                        id: string;
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        key: string;
                        label: string;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "select" | "multi_select" | "checkbox" | "url" | "email" | "phone";
                        options: string[];
                        required: boolean;
                        position: number;
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
    "crm-fields-create": {
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
                    field: {
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        key: string;
                        label: string;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "select" | "multi_select" | "checkbox" | "url" | "email" | "phone";
                        /** @default [] */
                        options?: string[];
                        /** @default false */
                        required?: boolean;
                    };
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
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        key: string;
                        label: string;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "select" | "multi_select" | "checkbox" | "url" | "email" | "phone";
                        options: string[];
                        required: boolean;
                        position: number;
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
    "crm-fields-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                fieldId: string;
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
                        deleted: number;
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
    "crm-fields-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                fieldId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    label?: string;
                    options?: string[];
                    required?: boolean;
                    position?: number;
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
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        key: string;
                        label: string;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "datetime" | "select" | "multi_select" | "checkbox" | "url" | "email" | "phone";
                        options: string[];
                        required: boolean;
                        position: number;
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
    "crm-segments-list": {
        parameters: {
            query?: {
                entity?: "contact" | "company" | "deal";
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
                        id: string;
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        name: string;
                        filters: {
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                            value?: string | number | boolean | string[];
                        }[];
                        staticCount: number;
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
    "crm-segments-create": {
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
                    segment: {
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        name: string;
                        /** @default [] */
                        filters?: {
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                            value?: string | number | boolean | string[];
                        }[];
                    };
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
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        name: string;
                        filters: {
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                            value?: string | number | boolean | string[];
                        }[];
                        staticCount: number;
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
    "crm-segments-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                segmentId: string;
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
                        deleted: number;
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
    "crm-segments-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    filters?: {
                        field: string;
                        /** @enum {string} */
                        op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                        value?: string | number | boolean | string[];
                    }[];
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
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        name: string;
                        filters: {
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                            value?: string | number | boolean | string[];
                        }[];
                        staticCount: number;
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
    "crm-segments-members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                segmentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recordIds: string[];
                    /** @default false */
                    remove?: boolean;
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
                        /** @enum {string} */
                        entity: "contact" | "company" | "deal";
                        name: string;
                        filters: {
                            field: string;
                            /** @enum {string} */
                            op: "eq" | "neq" | "contains" | "starts_with" | "in" | "gt" | "gte" | "lt" | "lte" | "empty" | "not_empty";
                            value?: string | number | boolean | string[];
                        }[];
                        staticCount: number;
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
    "crm-imports-list": {
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
                        /** @enum {string} */
                        entity: "contact" | "company";
                        /** @enum {string} */
                        status: "pending" | "running" | "completed" | "failed";
                        fileName: string;
                        /** @enum {string} */
                        dedupe: "skip" | "update" | "create";
                        processedRows: number;
                        createdRows: number;
                        updatedRows: number;
                        skippedRows: number;
                        rejectedRows: number;
                        error: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        finishedAt: string | null;
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
    "crm-imports-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                siteId: string;
                importId: string;
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
                        /** @enum {string} */
                        entity: "contact" | "company";
                        /** @enum {string} */
                        status: "pending" | "running" | "completed" | "failed";
                        fileName: string;
                        /** @enum {string} */
                        dedupe: "skip" | "update" | "create";
                        processedRows: number;
                        createdRows: number;
                        updatedRows: number;
                        skippedRows: number;
                        rejectedRows: number;
                        error: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        finishedAt: string | null;
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
    "crm-imports-rejects": {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                siteId: string;
                importId: string;
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
                        line: number;
                        reason: string;
                        row: {
                            [key: string]: string;
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
    "crm-imports-preview": {
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
                    /** @enum {string} */
                    entity: "contact" | "company";
                    sample: string;
                    mapping?: {
                        [key: string]: string | null;
                    };
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
                        headers: string[];
                        mapping: {
                            [key: string]: string | null;
                        };
                        fields: string[];
                        rows: {
                            line: number;
                            cells: {
                                [key: string]: string;
                            };
                            problems: string[];
                        }[];
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
}
