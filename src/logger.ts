/**
 * JSON-lines logger on stderr (stdout stays clean for `ask --jsonl` and the chat). Fields whose
 * name looks like a secret are replaced before printing, as a second line of defence.
 */
import type { LogFields, Logger } from './core/ports.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;
const SECRET = /token|secret|password|authorization|signature/i;

function redact(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET.test(k) ? '[redacted]' : v]));
}

/** A logger writing one JSON object per line to `out` (stderr by default). */
export function createLogger(level: LogLevel = 'info', out: NodeJS.WritableStream = process.stderr): Logger {
  const write = (lvl: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (LEVELS[lvl] < LEVELS[level]) return;
    const f = redact(fields);
    const err = f?.['error'];
    const rest = err instanceof Error ? { ...f, error: { name: err.name, message: err.message, code: (err as { code?: unknown }).code } } : f;
    out.write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...rest })}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
