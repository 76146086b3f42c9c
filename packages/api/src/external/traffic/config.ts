// The traffic settings, read from the environment (README "Configuration", .env.example).
const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1 (got "${process.env[name]}")`);
  return value;
};

/** Requests per minute of an API token, an embed installation on one origin, or an OAuth app without its own limit. */
export const clientLimitPerMinute = () => positive('API_RATE_LIMIT_PER_MINUTE', 600);

/** Requests per minute of one signed-in dashboard user (tRPC and the gateway's session calls together). */
export const sessionLimitPerMinute = () => positive('DASHBOARD_RATE_LIMIT_PER_MINUTE', 1200);
/** Requests per minute of one IP address without valid credentials. */
export const anonymousLimitPerMinute = () => positive('API_RATE_LIMIT_ANON_PER_MINUTE', 60);

/** Days a request log row is kept. */
export const requestLogRetentionDays = () => positive('REQUEST_LOG_RETENTION_DAYS', 30);

/** `API_REQUEST_LOG=off` turns the log off (the benchmark's comparison; not for production). */
export const requestLogEnabled = () => process.env.API_REQUEST_LOG !== 'off';

/** `API_RATE_LIMITS=off` turns the external surfaces' limits off (the benchmark's comparison; not for production). */
export const rateLimitsEnabled = () => process.env.API_RATE_LIMITS !== 'off';
