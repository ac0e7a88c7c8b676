import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody, createHttpServer, type HttpServer } from '../../src/server/http.js';
import { recordingLogger } from '../helpers/slackTestDoubles.js';

let server: HttpServer | undefined;
afterEach(async () => {
  server?.server.closeAllConnections();
  await server?.close();
});

/** Sends the headers and half the body of a POST, then hangs up. */
async function abortMidBody(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write('POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"half":');
  await sleep(50);
  socket.destroy();
}

describe('shared HTTP server', () => {
  it('logs a request the client aborted at debug level, not as an error', async () => {
    const logger = recordingLogger();
    server = createHttpServer(logger);
    let handled = 0;
    server.route('POST', '/echo', async (req, res) => {
      handled += 1;
      res.end(await readBody(req, 1024));
    });
    const port = await server.listen(0, '127.0.0.1');
    await abortMidBody(port);
    for (let i = 0; i < 50 && logger.lines.length === 0; i++) await sleep(20);
    expect(handled).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(logger.lines.map((l) => [l.level, l.message])).toEqual([['debug', 'http request aborted by the client']]);
  });

  it('still logs a handler that throws as an error and answers 500', async () => {
    const logger = recordingLogger();
    server = createHttpServer(logger);
    server.route('GET', '/boom', () => {
      throw new Error('boom');
    });
    const port = await server.listen(0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/boom`);
    expect(res.status).toBe(500);
    expect(logger.find('http handler failed').map((l) => l.level)).toEqual(['error']);
  });
});
