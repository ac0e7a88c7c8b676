/**
 * The App Home tab: what the bot is, how to use `/eu-china`, the topics with example questions
 * and the paper's details, published with `views.publish` each time someone opens the tab (it
 * is cheap, and the knowledge set may have changed since the last start).
 */
import type { App } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import { capBlocks, divider, header, LIMITS, type KnownBlock } from './blocks.js';
import type { ListenerDeps } from './deps.js';
import { deliver } from './deliver.js';
import { helpBlocks, sourceBlocks, topicsBlocks } from './views.js';

/** A Home tab view (a `views.publish` view of type `home`). */
export interface HomeTab {
  readonly type: 'home';
  readonly blocks: KnownBlock[];
}

/** The Home tab view. Pure. */
export function homeView(bot: Bot): HomeTab {
  const blocks = [
    header('EU-China bot'),
    ...helpBlocks(bot),
    divider(),
    ...topicsBlocks(bot.topics(3)),
    divider(),
    header('The paper'),
    ...sourceBlocks(bot.source()),
  ];
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.homeBlocks) };
}

/** Publishes the Home tab when a user opens it. */
export function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await deliver(deps.logger, {
      what: 'views.publish',
      fields: { event: 'app_home_opened' },
      send: () => client.views.publish({ user_id: event.user, view: homeView(deps.bot) }),
    });
  });
}
