/**
 * The Slack user's locale (`users.info` with `include_locale`, scope `users:read`), as the hint the
 * core uses when a question's own words cannot tell its language ("ISSN?"). Cached per user for a
 * day (at most MAX_USERS), one request in flight per user, and never allowed to hold an answer up
 * for long: past LOOKUP_MS, or on any error, the question goes on without a hint.
 */
import type { Logger } from '../../core/ports.js';
import type { WebClient } from './send.js';

export const LOCALE_TTL_MS = 24 * 60 * 60 * 1000;
export const MAX_USERS = 5000;
/** The longest an answer waits for the first lookup of a user. */
export const LOOKUP_MS = 1500;

export type LocaleLookup = (client: WebClient, userId: string) => Promise<string | undefined>;

export function createLocaleLookup(logger: Logger, now: () => number = Date.now): LocaleLookup {
  const cache = new Map<string, { readonly locale: string | undefined; readonly at: number }>();
  const inFlight = new Map<string, Promise<string | undefined>>();
  let warned = false;
  const fetch = async (client: WebClient, userId: string): Promise<string | undefined> => {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      return typeof res.user?.locale === 'string' ? res.user.locale : undefined;
    } catch (error) {
      if (!warned) logger.info('slack: no user locale (add the users:read scope for language hints); answering from the text alone', { error });
      warned = true;
      return undefined;
    }
  };
  return async (client, userId) => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < LOCALE_TTL_MS) return hit.locale;
    let pending = inFlight.get(userId);
    if (!pending) {
      pending = fetch(client, userId).then((locale) => {
        if (cache.size >= MAX_USERS) cache.delete(cache.keys().next().value ?? '');
        cache.set(userId, { locale, at: now() });
        inFlight.delete(userId);
        return locale;
      });
      inFlight.set(userId, pending);
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOOKUP_MS);
    });
    try {
      return await Promise.race([pending, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
