/**
 * `npm start`: wiring only. Validates configuration and knowledge (refusing to start on either),
 * then runs the platform adapters that have credentials, or the local terminal chat.
 */
import { runChat } from './cli/chat.js';
import { startup } from './cli/common.js';

const { bot } = startup();
await runChat(bot, process.stdin, process.stdout, process.stdin.isTTY === true);
