import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, Attachment } from 'botbuilder';
import { teamsPlugin } from '../../bot/teams';
import { privateChatUrl } from '../../bot/teams/cards';
import { SHARED_MAX_CARDS } from '../../bot/teams/channelPolicy';
import {
  BAD_CARD_ACTION,
  CARD_ACTION_DONE,
  CHANNEL_HELLO,
  CHANNEL_NOTICE,
  MENTION_ONLY,
  RISK_CHANNEL_NOTICE,
  identifyingNotice,
} from '../../bot/teams/wording';
import { badSubmit, helpText } from '../../dialogs/wording';
import { message, startTestServer, type TestServer } from '../helpers/botServer';

// Teams-shaped activities through the real POST /api/messages: restify, CloudAdapter, the
// hosting middleware, the Teams middleware and the real bot with its dialogs, pack and triage.
// Most use deliveryMode expectReplies so the replies come back in the response. Card action
// invokes are also sent the way Teams sends them (no expectReplies): the invoke response is the
// HTTP response and the bot's messages go to the conversation's serviceUrl, played here by a
// local HTTP endpoint standing in for the Bot Connector service.

const BOT_ID = '28:0f9d3c1a-5b2e-4c7d-8e6f-1a2b3c4d5e6f';
const BOT_NAME = 'Early Help';
const TENANT = '72f988bf-0000-4000-8000-00000000a11c';
const CARD = 'application/vnd.microsoft.card.adaptive';
const IN_HOURS = '2026-11-24T10:00:00Z'; // a Tuesday morning

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ plugins: [teamsPlugin()] });
});
afterAll(async () => {
  await server.close();
});

type ConversationType = 'personal' | 'channel' | 'groupChat';
let threads = 0;

/** A conversation as Teams describes it: ids, type, tenant, and for channels the team and channel. */
function teamsConversation(type: ConversationType) {
  threads += 1;
  const base = { conversationType: type, tenantId: TENANT };
  if (type === 'personal') return { conversation: { ...base, id: `a:personal-${threads}` }, channelData: { tenant: { id: TENANT } } };
  if (type === 'groupChat') return { conversation: { ...base, id: `19:group-${threads}@thread.v2`, isGroup: true }, channelData: { tenant: { id: TENANT } } };
  return {
    conversation: { ...base, id: `19:general@thread.tacv2;messageid=${1700000000000 + threads}`, isGroup: true },
    channelData: { tenant: { id: TENANT }, team: { id: '19:team@thread.tacv2', name: 'Early help partners' }, channel: { id: '19:general@thread.tacv2', name: 'General' } },
  };
}

function teamsMessage(conversation: ReturnType<typeof teamsConversation>, text: string | undefined, options: { mention?: boolean; value?: unknown; timestamp?: string } = {}) {
  const mentionText = `<at>${BOT_NAME}</at>`;
  return message(options.mention && text !== undefined ? `${mentionText} ${text}`.trim() : text, {
    channelId: 'msteams',
    from: { id: '29:1practitioner', name: 'Sam Teacher', aadObjectId: '5b1c9e2a-0000-4000-8000-00000000f00d' },
    recipient: { id: BOT_ID, name: BOT_NAME },
    timestamp: options.timestamp ?? IN_HOURS,
    entities: options.mention ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT_ID, name: BOT_NAME } }] : [],
    ...(options.value === undefined ? {} : { value: options.value }),
    ...conversation,
  });
}

const messages = (replies: Activity[]) => replies.filter((r) => r.type === 'message');
const cardsOf = (activity: Partial<Activity>) => (activity.attachments ?? []).filter((a: Attachment) => a.contentType === CARD);

/** Everything a person would read: text, card text blocks and button titles. */
function said(replies: Activity[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const el = node as Record<string, unknown>;
      if (el.type === 'TextBlock' && typeof el.text === 'string') parts.push(el.text);
      if (typeof el.title === 'string' && typeof el.type === 'string' && el.type.startsWith('Action.')) parts.push(`[${el.title}]`);
      for (const key of ['body', 'items', 'columns', 'actions', 'facts']) if (key in el) walk(el[key]);
      if (Array.isArray(el.facts)) for (const f of el.facts as Array<{ title: string; value: string }>) parts.push(`${f.title}: ${f.value}`);
    }
  };
  for (const r of messages(replies)) {
    if (r.text) parts.push(r.text);
    for (const a of r.attachments ?? []) {
      if (a.contentType === CARD) walk(a.content);
      else if (a.content && typeof a.content === 'object') {
        const hero = a.content as { text?: string; buttons?: Array<{ title: string }> };
        if (hero.text) parts.push(hero.text);
        for (const b of hero.buttons ?? []) parts.push(`[${b.title}]`);
      }
    }
    for (const s of r.suggestedActions?.actions ?? []) parts.push(`[${s.title}]`);
  }
  return parts.join('\n');
}

/** The notice card the Teams middleware adds in shared conversations, if any. */
function noticeOf(replies: Activity[]): Record<string, any> | undefined {
  for (const r of messages(replies)) {
    for (const card of cardsOf(r)) {
      const content = card.content as Record<string, any>;
      if ((content.actions ?? []).some((a: { url?: string }) => a.url === privateChatUrl(BOT_ID))) return content;
    }
  }
  return undefined;
}

describe('personal chat', () => {
  test('adding the app for yourself starts the conversation with the welcome (Teams names the bot as the member added)', async () => {
    const chat = teamsConversation('personal');
    const replies = await server.send({ ...teamsMessage(chat, undefined), type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }] });
    const text = said(replies);
    expect(text).toContain('not an emergency service');
    expect(text).toContain('call 999');
  });

  test('the audience defaults to practitioner: help is the practitioner help', async () => {
    const chat = teamsConversation('personal');
    const text = said(await server.send(teamsMessage(chat, 'help')));
    expect(text).toContain(helpText('practitioner'));
  });

  test('an @mention of the bot is removed before the message is read', async () => {
    const chat = teamsConversation('personal');
    const replies = await server.send(teamsMessage(chat, 'help', { mention: true }));
    expect(said(replies)).toContain(helpText('practitioner'));
    expect(said(replies)).not.toContain(BOT_NAME);
  });

  test('no channel notice in a personal chat; cards are Adaptive Cards Teams renders (1.5 at most) with fallback text', async () => {
    const chat = teamsConversation('personal');
    const replies = await server.send(teamsMessage(chat, 'A family I support is about to be evicted and cannot pay the rent'));
    expect(noticeOf(replies)).toBeUndefined();
    for (const r of messages(replies)) {
      for (const card of cardsOf(r)) {
        const content = card.content as { version: string; fallbackText?: string };
        expect(Number(content.version)).toBeLessThanOrEqual(1.5);
        expect(content.fallbackText).toEqual(expect.any(String));
      }
    }
  });

  test('a card submit the bot cannot read gets a clear reply, and the conversation carries on', async () => {
    const chat = teamsConversation('personal');
    await server.send(teamsMessage(chat, 'help'));
    const bad = said(await server.send(teamsMessage(chat, undefined, { value: { action: 'topic', group: 'not-a-group', msteams: {} } })));
    expect(bad).toContain(badSubmit);
    const after = said(await server.send(teamsMessage(chat, 'help')));
    expect(after).toContain(helpText('practitioner'));
  });

  test('a valid card submit (Action.Submit) is read as the button it came from', async () => {
    const chat = teamsConversation('personal');
    const text = said(await server.send(teamsMessage(chat, undefined, { value: { action: 'help', msteams: { type: 'messageBack' } } })));
    expect(text).toContain(helpText('practitioner'));
  });
});

describe('team channel', () => {
  test('the first answer in a thread is short and carries the privacy notice with a private chat button', async () => {
    const thread = teamsConversation('channel');
    const replies = await server.send(teamsMessage(thread, 'what support is there for families with money worries and debt', { mention: true }));
    for (const r of messages(replies)) expect(cardsOf(r).length).toBeLessThanOrEqual(SHARED_MAX_CARDS);
    const notice = noticeOf(replies);
    expect(notice).toBeDefined();
    expect(said(replies)).toContain(CHANNEL_NOTICE);
    expect(notice!.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Continue in a private chat', url: privateChatUrl(BOT_ID) }]);
    expect(notice!.version).toBe('1.5');
    // No suggested actions survive in a channel: Teams would not show them.
    for (const r of messages(replies)) expect(r.suggestedActions).toBeUndefined();
  });

  test('later answers in the same thread do not repeat the general notice', async () => {
    const thread = teamsConversation('channel');
    await server.send(teamsMessage(thread, 'help', { mention: true }));
    const second = await server.send(teamsMessage(thread, 'help', { mention: true }));
    expect(said(second)).toContain(helpText('practitioner'));
    expect(said(second)).not.toContain(CHANNEL_NOTICE);
  });

  test('a named child in a channel brings the warning, every time', async () => {
    const thread = teamsConversation('channel');
    await server.send(teamsMessage(thread, 'help', { mention: true }));
    const replies = await server.send(teamsMessage(thread, 'my pupil Jack keeps missing school', { mention: true }));
    expect(said(replies)).toContain(identifyingNotice(['a name']));
    expect(noticeOf(replies)?.actions[0].url).toBe(privateChatUrl(BOT_ID));
  });

  test('risk in a channel: the contacts in full first, then the reminder to go private', async () => {
    const thread = teamsConversation('channel');
    const replies = await server.send(teamsMessage(thread, 'my stepdad hits my little sister and she has bruises', { mention: true }));
    const text = said(replies);
    const frontDoor = text.indexOf('01225 396312');
    expect(frontDoor).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(RISK_CHANNEL_NOTICE)).toBeGreaterThan(frontDoor);
    expect(replies.find((r) => r.type === 'trace' && r.name === 'earlyHelp.triage')?.value.route).toBe('safeguarding-child');
  });

  test('an @mention with nothing else says how to ask', async () => {
    const thread = teamsConversation('channel');
    const replies = await server.send(teamsMessage(thread, '', { mention: true }));
    expect(said(replies)).toContain(MENTION_ONLY);
  });

  test('installing the bot in a team introduces it once, with the rules for channels', async () => {
    const thread = teamsConversation('channel');
    const replies = await server.send({
      ...teamsMessage(thread, undefined),
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT_ID, name: BOT_NAME }],
      channelData: { ...thread.channelData, eventType: 'teamMemberAdded' },
    });
    expect(said(replies)).toContain(CHANNEL_HELLO);
    expect(noticeOf(replies)).toBeDefined();
  });

  test('someone joining the team is not welcomed in the channel', async () => {
    const thread = teamsConversation('channel');
    const replies = await server.send({
      ...teamsMessage(thread, undefined),
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:newcomer', name: 'New Colleague' }],
      channelData: { ...thread.channelData, eventType: 'teamMemberAdded' },
    });
    expect(messages(replies)).toEqual([]);
  });
});

test('a group chat is treated like a channel', async () => {
  const chat = teamsConversation('groupChat');
  const replies = await server.send(teamsMessage(chat, 'help', { mention: true }));
  expect(said(replies)).toContain(helpText('practitioner'));
  expect(said(replies)).toContain(CHANNEL_NOTICE);
});

test('other channels are untouched by the Teams behaviour', async () => {
  const replies = await server.send(message('help', { conversation: { id: 'not-teams-1', conversationType: 'channel' } }));
  expect(noticeOf(replies)).toBeUndefined();
  expect(said(replies)).not.toContain(helpText('practitioner'));
});

describe('adaptiveCard/action invokes (Action.Execute)', () => {
  const invoke = (conversation: ReturnType<typeof teamsConversation>, value: unknown) => ({
    ...teamsMessage(conversation, undefined),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value,
  });

  test('with expectReplies: the button runs like the same submit, and the invoke is answered with a message', async () => {
    const chat = teamsConversation('personal');
    const replies = await server.send(invoke(chat, { action: { type: 'Action.Execute', verb: 'help', data: {} }, trigger: 'manual' }));
    expect(said(replies)).toContain(helpText('practitioner'));
    const response = replies.find((r) => (r.type as string) === 'invokeResponse');
    expect(response?.value).toEqual({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: CARD_ACTION_DONE } });
  });

  describe('as Teams sends them', () => {
    let connector: http.Server;
    let serviceUrl: string;
    const posted: Array<{ url: string; activity: Activity }> = [];

    beforeAll(async () => {
      connector = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          posted.push({ url: req.url ?? '', activity: JSON.parse(body) });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${posted.length}` }));
        });
      });
      await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
      serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => connector.close(() => resolve()));
    });

    test('a valid button: HTTP 200 with the invoke response body, and the reply posted to the conversation', async () => {
      const chat = teamsConversation('personal');
      posted.length = 0;
      const result = await server.post({ ...invoke(chat, { action: { type: 'Action.Execute', data: { action: 'talk' } } }), serviceUrl });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: CARD_ACTION_DONE });
      expect(posted.length).toBeGreaterThan(0);
      expect(posted[0].url).toContain(`/v3/conversations/${encodeURIComponent(chat.conversation.id)}/activities`);
      expect(said(posted.map((p) => p.activity))).toMatch(/talk to a person|open now|closed right now/i);
    });

    test('a bad button: HTTP 200 with a clear message, nothing posted, no error', async () => {
      const chat = teamsConversation('personal');
      posted.length = 0;
      const result = await server.post({ ...invoke(chat, { action: { type: 'Action.Execute', data: { action: 'delete-everything' } } }), serviceUrl });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: BAD_CARD_ACTION });
      expect(posted).toEqual([]);
    });

    test('a malformed invoke value is a bad button too', async () => {
      const chat = teamsConversation('channel');
      const result = await server.post({ ...invoke(chat, 'not an object'), serviceUrl });
      expect(result.status).toBe(200);
      expect(result.body.value).toBe(BAD_CARD_ACTION);
    });
  });
});
