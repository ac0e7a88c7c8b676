/**
 * Sending to Slack with one failure policy. The Web API client already retries what can be
 * retried (network errors, 5xx; a short Retry-After, see `withRateLimit` in client.ts); what
 * still fails is logged once with context as a coded `DeliveryError`, and when a reply is still
 * possible the user gets a short apology. Nothing here throws, so no failure reaches Bolt's
 * error path or crashes the process.
 */
import { DeliveryError } from '../../core/errors.js';
import type { Surface } from '../../core/conversation/pipeline.js';
import { LABELS } from '../../core/lang/labels.js';
import type { LogFields, Logger } from '../../core/ports.js';

/** What every listener is told, in English, when an answer cannot be delivered (other languages: LABELS[language].sendFailed). */
export const APOLOGY = LABELS.en.sendFailed;

/** Slack's error code for a Web API failure (`ratelimited`, `channel_not_found`...), when there is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = 'data' in error ? error.data : undefined;
  if (typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string') return data.error;
  return 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export interface Delivery {
  /** Log line name, e.g. `chat.postMessage`. */
  readonly what: string;
  /** Context for the log line (channel, event id...); never tokens. */
  readonly fields: LogFields;
  readonly send: () => Promise<unknown>;
  /** A simpler message to try when `send` failed, if a reply is still possible. */
  readonly apologize?: () => Promise<unknown>;
}

/** Where a delivery's outcome goes: the log, and the core's count of replies delivered (`Surface.delivered`). */
export interface Outbox {
  readonly logger: Logger;
  readonly surface: Pick<Surface, 'delivered'>;
}

/** Runs `send`; on failure logs once and tries the apology. Resolves true when `send` worked; either way it is counted. */
export async function deliver(out: Outbox, d: Delivery): Promise<boolean> {
  const { logger } = out;
  try {
    await d.send();
    out.surface.delivered(true);
    return true;
  } catch (cause) {
    out.surface.delivered(false);
    const slackError = slackErrorCode(cause);
    const error = new DeliveryError(`${d.what} failed${slackError ? `: ${slackError}` : ''}`, { cause });
    logger.error('slack delivery failed', { ...d.fields, what: d.what, slackError, error });
    if (d.apologize) await apologize(logger, d);
    return false;
  }
}

async function apologize(logger: Logger, d: Delivery): Promise<void> {
  try {
    await d.apologize?.();
  } catch (cause) {
    logger.warn('slack apology failed too', { ...d.fields, what: d.what, slackError: slackErrorCode(cause) });
  }
}
