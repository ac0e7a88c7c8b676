/**
 * A Bolt `Receiver` for HTTP mode that plugs into the process's one shared HTTP server (route
 * `POST /slack/events`) instead of opening its own port as Bolt's HTTPReceiver would. Every
 * request is signature-checked before its body is parsed or dispatched (only Slack's unsigned
 * `ssl_check` ping is answered first, and never dispatched); a bad or stale signature gets 401
 * and never reaches a listener, so it can never cause a reply. A signed body that is no Slack
 * payload (`payload.ts`) gets 400, never a 500 from deep inside Bolt. A valid one is acknowledged
 * (200) before Bolt sees it and answered in a later turn (`turns.ts`), so no answer delays an ack.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Logger as BoltLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Clock, Logger } from '../../core/ports.js';
import { readBody, type HttpServer } from '../../server/http.js';
import { isSlackPayload } from './payload.js';
import { verifySignature } from './signature.js';
import { createTurnQueue, type TurnQueue } from '../turns.js';

export const EVENTS_PATH = '/slack/events';
/** Slack's payloads are small; anything bigger is not from Slack. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface SharedServerReceiverOptions {
  readonly server: HttpServer;
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly boltLogger: BoltLogger;
  readonly clock?: Clock;
  readonly path?: string;
}

type Body = Record<string, unknown>;

export class SharedServerReceiver implements Receiver {
  private app: App | undefined;
  private accepting = false;
  private routed = false;
  private readonly clock: Clock;
  private readonly queue: TurnQueue;

  constructor(private readonly options: SharedServerReceiverOptions) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.queue = createTurnQueue((error) => options.logger.error('slack event processing failed', { error }));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Registers the route (once) and starts accepting; the shared server listens elsewhere. */
  async start(): Promise<void> {
    if (!this.routed) this.options.server.route('POST', this.options.path ?? EVENTS_PATH, (req, res) => this.handle(req, res));
    this.routed = true;
    this.accepting = true;
  }

  /** Refuses new requests (503), then waits for the events already acknowledged to be answered. */
  async stop(): Promise<void> {
    this.accepting = false;
    await this.queue.idle();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.accepting || !this.app) return void res.writeHead(503).end();
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return void res.writeHead(413).end();
    if (isSslCheck(req, raw)) return void res.writeHead(200).end();
    const header = (name: string): string | undefined => singleHeader(req.headers[name]);
    const verdict = verifySignature(
      this.options.signingSecret,
      { body: raw, signature: header('x-slack-signature'), timestamp: header('x-slack-request-timestamp') },
      this.clock.now().getTime(),
    );
    if (!verdict.ok) {
      this.options.logger.warn('slack request refused', { reason: verdict.reason, path: req.url });
      return void res.writeHead(401).end();
    }
    const body = parseBody(raw, header('content-type'));
    if (body?.['type'] === 'url_verification') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: body['challenge'] }));
    }
    if (!body || !isSlackPayload(body)) {
      this.options.logger.warn('slack request malformed', { path: req.url, type: typeof body?.['type'] === 'string' ? body['type'] : undefined });
      return void res.writeHead(400).end();
    }
    this.dispatch(this.app, req, res, body);
  }

  /**
   * Acknowledges at once, then queues the work: every listener of this app answers through the
   * Web API or a `response_url`, never in the ack's body, so the ack need not wait for Bolt.
   */
  private dispatch(app: App, req: IncomingMessage, res: ServerResponse, body: Body): void {
    res.writeHead(200).end();
    const retryNum = Number(singleHeader(req.headers['x-slack-retry-num']));
    const retryReason = singleHeader(req.headers['x-slack-retry-reason']);
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (response !== undefined && response !== '') this.options.logger.warn('slack ack body dropped: the request was acknowledged before dispatch', { type: body['type'] });
      },
      ...(Number.isInteger(retryNum) ? { retryNum } : {}),
      ...(retryReason ? { retryReason } : {}),
    };
    this.queue.push(() => app.processEvent(event));
  }
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}


const isForm = (contentType: string | undefined): boolean => (contentType ?? '').startsWith('application/x-www-form-urlencoded');

/** Slack's unsigned SSL check for slash commands: answered 200, never dispatched. */
function isSslCheck(req: IncomingMessage, raw: string): boolean {
  return isForm(req.headers['content-type']) && new URLSearchParams(raw).get('ssl_check') === '1';
}

/** Events are JSON; commands are a form; interactions are a form with a JSON `payload`. */
function parseBody(raw: string, contentType: string | undefined): Body | undefined {
  try {
    if (isForm(contentType)) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      return payload === null ? Object.fromEntries(form) : asRecord(JSON.parse(payload));
    }
    return asRecord(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Body | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
}
