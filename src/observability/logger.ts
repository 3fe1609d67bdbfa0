import { Logger } from '@aws-lambda-powertools/logger';

export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Read from the environment by config.ts. */
export interface ObservabilityConfig {
  /** POWERTOOLS_SERVICE_NAME, default `store-api`: the `service` key of every log line. */
  serviceName: string;
  /** LOG_LEVEL, default INFO: one request line per request is logged at INFO. */
  logLevel: LogLevel;
  /** TRACING_ENABLED=true: X-Ray subsegments for the handler and each DynamoDB call. */
  tracing: boolean;
}

/**
 * One structured (JSON) logger per Lambda instance. Powertools adds `timestamp`, `level`,
 * `service` and, in Lambda with tracing, `xray_trace_id` to every line; CloudWatch Logs Insights
 * can then filter and aggregate on each field.
 */
export function createLogger({
  serviceName,
  logLevel,
}: Pick<ObservabilityConfig, 'serviceName' | 'logLevel'>): Logger {
  return new Logger({ serviceName, logLevel });
}

/** Apollo's own messages (startup failures, plugin errors) as lines of the same JSON log. */
export function apolloLogger(logger: Logger) {
  const text = (message: unknown) => (message instanceof Error ? message.message : String(message));
  return {
    debug: (message?: unknown) => logger.debug(text(message)),
    info: (message?: unknown) => logger.info(text(message)),
    warn: (message?: unknown) => logger.warn(text(message)),
    error: (message?: unknown) => logger.error(text(message)),
  };
}
