/**
 * The bare botbuilder echo bot the Teams bench compares the bot with: CloudAdapter without
 * credentials (as the Bot Framework Emulator runs it), an ActivityHandler whose message handler
 * sends the text back with sendActivity, on a plain node:http server on PORT that reads the JSON
 * body and hands it to `adapter.process` (what restify's body parser does in the samples).
 */
import { createServer, type ServerResponse } from 'node:http';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
  await next();
});

/** The express-style response botbuilder writes to, over node's. */
function response(res: ServerResponse): Response {
  return {
    socket: res.socket,
    header: (name, value) => res.setHeader(String(name), String(value)),
    status: (code) => (res.statusCode = Number(code)),
    send: (body?: unknown) => res.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)),
    end: () => res.end(),
  };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    const request: Request = { body: typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body)) : {}, headers: req.headers, method: req.method ?? 'POST' };
    adapter.process(request, response(res), (context) => bot.run(context)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
});
server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('listening\n'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
