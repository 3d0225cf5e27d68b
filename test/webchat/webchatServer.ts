// Starts the real bot server (hosting helper's test server) with the website channel added,
// and offers a small Direct Line client for the tests.
import { registerWebChat, type WebChat } from '../../bot/webchat';
import { startTestServer, type TestServer } from '../helpers/botServer';

export interface WebChatTestServer {
  bot: TestServer;
  webchat: WebChat;
  url: string;
  call(path: string, options?: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export const TEST_TOKEN_SECRET = 'test-secret-for-webchat-tokens-0123456789';

export async function startWebChatServer(env: Record<string, string | undefined> = {}): Promise<WebChatTestServer> {
  const bot = await startTestServer({ env });
  const webchat = registerWebChat(bot.app, { env: { WEBCHAT_TOKEN_SECRET: TEST_TOKEN_SECRET, ...env } });
  const call: WebChatTestServer['call'] = async (path, { method = 'GET', token, body, headers = {} } = {}) => {
    const res = await fetch(`${bot.url}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    bot,
    webchat,
    url: bot.url,
    call,
    async close() {
      webchat.close();
      await bot.close();
    },
  };
}

/** Gets a token and starts a conversation, as Web Chat does. */
export async function startConversation(server: WebChatTestServer): Promise<{ token: string; conversationId: string; userId: string }> {
  const issued = await server.call('/api/directline/token', { method: 'POST' });
  if (issued.status !== 200) throw new Error(`token: ${issued.status}`);
  const started = await server.call('/v3/directline/conversations', { method: 'POST', token: issued.body.token, body: {} });
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
  return { token: started.body.token, conversationId: started.body.conversationId, userId: issued.body.userId };
}
