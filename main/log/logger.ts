import { redact } from './redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface LogRecord {
  at: string
  level: LogLevel
  scope: string
  message: string
}

export interface LogSink {
  write(record: LogRecord): void
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

/** A scoped logger whose every line is redacted before it reaches the sink. */
export function createLogger(sink: LogSink, scope: string): Logger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    const text = fields ? `${message} ${safeJson(fields)}` : message
    sink.write({ at: new Date().toISOString(), level, scope, message: redact(text) })
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v))
  } catch {
    return '[unserialisable]'
  }
}

/** Collects records in memory: the test adapters use it, and tests scan it for canaries. */
export function memoryLogSink(): LogSink & { records: LogRecord[] } {
  const records: LogRecord[] = []
  return { records, write: (record) => void records.push(record) }
}
