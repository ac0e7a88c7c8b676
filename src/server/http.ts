/**
 * The one HTTP server of the process (PORT, default 3978). Adapters register their routes here
 * (`/slack/events`, `/api/messages`); `GET /healthz` is built in. Unknown paths get 404 and a
 * handler that throws gets a 500 and one log line, never a crashed process. A client that hangs
 * up mid-request is not the bot's failure: logged at debug, so nobody can fill the error log.
 * `close` is the shutdown's first step: the port stops accepting at once, idle keep-alive
 * connections are closed, and requests in flight are answered (with `connection: close`) before
 * it resolves; only what is still open after the grace period is cut.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/ports.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface HttpServer {
  /** Registers `handler` for `method` + exact `path`. */
  route(method: string, path: string, handler: RouteHandler): void;
  /** Starts listening; resolves with the bound port (use 0 for an ephemeral one in tests). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and resolves once requests in flight are answered (cut after `graceMs`, default 10 s). */
  close(graceMs?: number): Promise<void>;
  readonly server: Server;
}

/** Creates the shared server; nothing listens until `listen`. */
export function createHttpServer(logger: Logger): HttpServer {
  const routes = new Map<string, RouteHandler>();
  routes.set('GET /healthz', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  let closing = false;
  const server = createServer((req, res) => {
    if (closing) res.setHeader('connection', 'close');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes.get(`${req.method ?? 'GET'} ${path}`);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        if (clientAborted(req, res)) return logger.debug('http request aborted by the client', { path, method: req.method });
        logger.error('http handler failed', { path, error });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        if (!res.writableEnded) res.end('{"error":"internal error"}');
      });
  });
  return {
    server,
    route: (method, path, handler) => void routes.set(`${method.toUpperCase()} ${path}`, handler),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: (graceMs = DEFAULT_CLOSE_GRACE_MS) => {
      closing = true;
      return closeGracefully(server, graceMs);
    },
  };
}

export const DEFAULT_CLOSE_GRACE_MS = 10_000;

/** `server.close()`, closing idle connections as their requests finish, and every connection after `graceMs`. */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** The client went away before its request was complete (reading the body then throws "aborted"). */
function clientAborted(req: IncomingMessage, res: ServerResponse): boolean {
  return !req.complete && (req.destroyed || res.destroyed);
}

/**
 * The request body as text, or undefined when it exceeds `maxBytes`. It reads to the end even past
 * the limit (discarding the rest) so that the caller can still answer 413 on the same socket.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size <= maxBytes) chunks.push(buf);
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8');
}
