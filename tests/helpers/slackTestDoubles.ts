/**
 * Hand-written fakes of the core ports for the Slack tests: a logger that records lines and a
 * feedback sink that records clicks (no module mocks).
 */
import type { Feedback, FeedbackSink, LogFields, Logger } from '../../src/core/ports.js';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
  /** Lines whose message is `message`. */
  find(message: string): LogLine[];
}

export function recordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (message: string, fields: LogFields = {}) => void lines.push({ level, message, fields });
  return { lines, find: (m) => lines.filter((l) => l.message === m), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface RecordingFeedback extends FeedbackSink {
  readonly records: Feedback[];
}

export function recordingFeedback(): RecordingFeedback {
  const records: Feedback[] = [];
  return { records, record: async (f) => void records.push(f) };
}
