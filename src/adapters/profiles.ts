/**
 * How the core speaks of each platform (its name, how a command is typed there), in a module
 * that loads no platform SDK: the wiring and the digest CLI name the platforms from here, and
 * import an adapter itself (and so @slack/bolt or botbuilder) only when it is configured.
 */
import type { PlatformProfile } from '../core/conversation/adapter.js';
import { SLACK } from './slack/inbound.js';
import { COMMAND } from './slack/render.js';

/** Slack: commands typed as `/eu-china <words>`. */
export const SLACK_PROFILE: PlatformProfile = { platform: SLACK, command: (words) => `${COMMAND} ${words}` };

/** The name the Teams adapter records (kept here, not in its inbound.ts, which loads botbuilder). */
export const TEAMS = 'teams';

/** Teams: commands typed as the bare words (to the bot). */
export const TEAMS_PROFILE: PlatformProfile = { platform: TEAMS, command: (words) => words };

/** Every platform, for text that names one outside its adapter (the digest CLI). */
export const PLATFORM_PROFILES: readonly PlatformProfile[] = [SLACK_PROFILE, TEAMS_PROFILE];
