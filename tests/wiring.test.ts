/**
 * `npm start`'s adapters with TEAMS_LOCAL=1 (no credentials): the unauthenticated endpoint must
 * only be reachable from this machine, and must only post to a serviceUrl on this machine.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { startAdapters, SYSTEM_CLOCK, type Adapters } from '../src/wiring.js';
import { tempDir } from './core/digest/fakes.js';
import { loopbackOnly } from './helpers/loopback.js';
import { MemoryLogger, post, teamsFixture } from './helpers/teams.js';

loopbackOnly();
let adapters: Adapters | undefined;
afterEach(async () => adapters?.stop());

/** An IPv4 address of this machine that is not loopback, if it has one. */
const outsideAddress = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i !== undefined && i.family === 'IPv4' && !i.internal)?.address;

const reachable = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

describe('TEAMS_LOCAL=1', () => {
  const start = async (): Promise<{ port: number; logger: MemoryLogger }> => {
    const config = loadConfig({ TEAMS_LOCAL: '1', PORT: '0' });
    const logger = new MemoryLogger();
    const store = openSqliteStore({ dataDir: tempDir() });
    adapters = await startAdapters({ config, bot: createBot({ knowledge: loadKnowledge('knowledge') }), store, clock: SYSTEM_CLOCK, logger });
    const listening = logger.entries.find((e) => e.message === 'http server listening');
    return { port: Number(listening?.fields['port']), logger };
  };

  it('listens on 127.0.0.1 only', async () => {
    const { port, logger } = await start();
    expect(await reachable('127.0.0.1', port)).toBe(true);
    const outside = outsideAddress();
    if (outside !== undefined) expect(await reachable(outside, port)).toBe(false);
    expect(logger.entries.find((e) => e.message === 'http server listening')?.fields).toMatchObject({ host: '127.0.0.1', teams: 'local' });
  });

  it('refuses an activity whose serviceUrl is not on this machine, and posts nothing', async () => {
    const { port, logger } = await start();
    const res = await post(`http://127.0.0.1:${port}/api/messages`, teamsFixture('personal_message', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }));
    expect(res.status).toBe(401);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(logger.entries.find((e) => e.level === 'warn')?.fields['reason']).toMatch(/serviceUrl is on this machine/);
  });
});
