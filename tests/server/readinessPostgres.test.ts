/**
 * `/readyz` over PostgreSQL, with the database made unreachable for real: the store connects
 * through a TCP relay on 127.0.0.1 that the test cuts (every connection dropped, the port closed)
 * and reopens, as a network partition or a database restart would. `/readyz` must say 503
 * while it is gone and 200 once it is back; `/healthz` (liveness) stays 200 throughout, since a
 * restart would not bring the database back. And with no knowledge entries, the process is not ready.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/server/http.js';
import { registerReadiness } from '../../src/server/readiness.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/store.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { recordingLogger, tempDir } from '../core/digest/fakes.js';
import { describeWithPg } from '../store/pgServer.js';

let server: HttpServer | undefined;
let store: PostgresStore | undefined;
let relay: Relay | undefined;
afterEach(async () => {
  await server?.close();
  await store?.close();
  await relay?.cut();
  server = store = relay = undefined;
});

interface Relay {
  readonly port: number;
  cut(): Promise<void>;
  reopen(): Promise<void>;
}

/** A loopback TCP relay to `target`; `cut` drops every connection and closes the port, `reopen` listens on it again. */
async function startRelay(target: URL): Promise<Relay> {
  const sockets = new Set<Socket>();
  let listener: Server | undefined;
  let port = 0;
  const listen = (): Promise<void> =>
    new Promise((resolve) => {
      listener = createServer((inbound) => {
        const outbound = connect(Number(target.port), target.hostname);
        for (const s of [inbound, outbound]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      listener.listen(port, '127.0.0.1', () => {
        const address = listener?.address();
        if (typeof address === 'object' && address !== null) port = address.port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return port;
    },
    cut: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        if (!listener?.listening) return resolve();
        listener.close(() => resolve());
      }),
    reopen: listen,
  };
}

await describeWithPg('GET /readyz on PostgreSQL', (admin) => {
  it('is 503 while the database cannot be reached and 200 again once it can, while /healthz stays 200', { timeout: 60_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      const url = new URL(schema.url);
      relay = await startRelay(new URL(schema.url));
      url.host = `127.0.0.1:${relay.port}`;
      store = await openPostgresStore({ url: url.toString(), salt: 'readiness-test-salt-0123456789', clock: { now: () => new Date() } });
      const logger = recordingLogger();
      server = createHttpServer(logger);
      registerReadiness(server, store, logger, { entries: [1] });
      const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
      const status = async (path: string): Promise<number> => (await fetch(`${base}${path}`)).status;
      expect([await status('/readyz'), await status('/healthz')]).toEqual([200, 200]);

      await relay.cut();
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ ok: false, reason: 'store_unavailable' });
      expect(await status('/healthz')).toBe(200);

      await relay.reopen();
      expect(await status('/readyz')).toBe(200);
      expect(logger.lines.map((l) => l.message)).toEqual([expect.stringMatching(/^not ready/), expect.stringMatching(/^ready again/)]);
    } finally {
      await store?.close();
      store = undefined;
      await schema.drop();
    }
  });
});

it('GET /readyz is 503 knowledge_missing when the knowledge has no entries, whatever the store says', async () => {
  const logger = recordingLogger();
  const sqlite = openSqliteStore({ dataDir: tempDir() });
  server = createHttpServer(logger);
  registerReadiness(server, sqlite, logger, { entries: [] });
  const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  const res = await fetch(`${base}/readyz`);
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ ok: false, reason: 'knowledge_missing' });
  sqlite.close();
});
