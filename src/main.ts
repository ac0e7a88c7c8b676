/**
 * `npm start`: wiring only. Validates configuration and knowledge (refusing to start on either),
 * then runs the platform adapters that have credentials, or the local terminal chat.
 */
import { createSlackApp } from './adapters/slack/app.js';
import { registerTeams, TEAMS_LOCAL_WARNING } from './adapters/teams/app.js';
import { runChat } from './cli/chat.js';
import { fail, startup } from './cli/common.js';
import { createLogger } from './logger.js';
import { createHttpServer } from './server/http.js';

const { config, bot } = startup();
const logger = createLogger(config.logLevel);
const server = createHttpServer(logger);
const slack = config.slack ? createSlackApp({ bot, config: config.slack, logger, server, logLevel: config.logLevel }) : undefined;
await slack?.start().catch(fail);
const teams = config.teams || config.teamsLocal ? registerTeams(server, { bot, config, logger }) : undefined;
if (teams?.mode === 'local') process.stderr.write(`${TEAMS_LOCAL_WARNING}\n`);
const adapters = [slack, teams].filter((a) => a !== undefined);
if (adapters.length > 0) logger.info('http server listening', { port: await server.listen(config.port).catch(fail), slack: slack?.mode, teams: teams?.mode });
for (const signal of ['SIGINT', 'SIGTERM'] as const) if (adapters.length > 0) process.once(signal, () => void Promise.allSettled([...adapters.map((a) => a.stop()), server.close()]).then(() => process.exit(0)));
if (adapters.length === 0) await runChat(bot, process.stdin, process.stdout, process.stdin.isTTY === true);
