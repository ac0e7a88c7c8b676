import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/server/http.js';
import { registerReadiness } from '../../src/server/readiness.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { recordingLogger, tempDir } from '../core/digest/fakes.js';

let server: HttpServer | undefined;
let store: SqliteStore | undefined;
afterEach(async () => {
  await server?.close();
  store?.close();
});

describe('GET /readyz', () => {
  it('is 200 while the store is reachable and 503 once its database file is gone, while /healthz stays 200', async () => {
    const logger = recordingLogger();
    store = openSqliteStore({ dataDir: tempDir() });
    server = createHttpServer(logger);
    registerReadiness(server, store, logger);
    const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
    const status = async (path: string) => (await fetch(`${base}${path}`)).status;
    expect([await status('/readyz'), await status('/healthz')]).toEqual([200, 200]);
    for (const f of [store.file, `${store.file}-wal`, `${store.file}-shm`]) rmSync(f, { force: true });
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ ok: false, reason: 'store_unavailable' });
    expect(await status('/readyz')).toBe(503);
    expect(await status('/healthz')).toBe(200);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([expect.objectContaining({ message: expect.stringMatching(/not ready/) })]);
  });
});
