/**
 * Bolt's and the Web API client's log lines, routed into the project's JSON logger so the
 * process has one log format and one redaction policy. Bolt logs free-form argument lists; they
 * are joined into the message and tagged with the component name Bolt sets.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/** Maps the project's level names to Bolt's enum (Bolt has no "silent"). */
export function boltLevel(level: string): LogLevel {
  if (level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

function text(parts: readonly unknown[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p instanceof Error) return `${p.name}: ${p.message}`;
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    })
    .join(' ');
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * A Bolt `Logger` writing through `logger`. Lines below `level` are dropped here, before their
 * text is built: Bolt and the Web API client log several debug lines per request.
 */
export function toBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let component = 'bolt';
  let current = level;
  const at = (l: LogLevel, write: Logger['info']) => (...m: unknown[]) => {
    if (RANK[l] >= RANK[current]) write(text(m), { component });
  };
  return {
    debug: at(LogLevel.DEBUG, (m, f) => logger.debug(m, f)),
    info: at(LogLevel.INFO, (m, f) => logger.info(m, f)),
    warn: at(LogLevel.WARN, (m, f) => logger.warn(m, f)),
    error: at(LogLevel.ERROR, (m, f) => logger.error(m, f)),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (name) => {
      component = name;
    },
  };
}
