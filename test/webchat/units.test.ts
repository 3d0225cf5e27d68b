import { ConversationStore } from '../../bot/webchat/conversations';
import { readWebChatSettings } from '../../bot/webchat/settings';
import { bearerToken, TokenIssuer } from '../../bot/webchat/tokens';

describe('TokenIssuer', () => {
  test('a token is a JWT carrying the conversation and user, valid until it expires', () => {
    let now = 1_700_000_000_000;
    const issuer = new TokenIssuer('k'.repeat(32), 60, () => now);
    const { token, expiresIn } = issuer.issue('conv', 'dl_user');
    expect(expiresIn).toBe(60);
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({ conv: 'conv', user: 'dl_user' });
    expect(issuer.check(token)).toEqual({ ok: true, claims: { conversationId: 'conv', userId: 'dl_user', exp: now / 1000 + 60 } });
    now += 61_000;
    expect(issuer.check(token)).toEqual({ ok: false, reason: 'expired' });
  });

  test('altered, foreign and malformed tokens are rejected', () => {
    const issuer = new TokenIssuer(undefined, 60);
    const other = new TokenIssuer(undefined, 60);
    const { token } = issuer.issue('conv', 'u');
    const [h, , s] = token.split('.');
    const altered = `${h}.${Buffer.from(JSON.stringify({ conv: 'other', user: 'u', exp: 9e9 })).toString('base64url')}.${s}`;
    expect(issuer.check(altered)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(issuer.check(other.issue('conv', 'u').token)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(issuer.check(undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(issuer.check('abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(issuer.check('a.b.c')).toEqual({ ok: false, reason: 'malformed' });
  });

  test('bearerToken reads only a Bearer header', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer  x ')).toBe('x');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('ConversationStore', () => {
  const make = (now: () => number, max = 3) =>
    new ConversationStore({ idleMs: 1000, maxConversations: max, maxActivities: 4, now });

  test('ids, watermarks and "activities after" follow Direct Line', () => {
    const store = make(() => 0);
    const c = store.create();
    expect(store.activitiesAfter(c, undefined)).toEqual({ activities: [], watermark: '' });
    const [a, b] = store.append(c, [{ type: 'message', text: 'a' }, { type: 'message', text: 'b' }]);
    expect(a.id).toBe(`${c.id}|0000000`);
    expect(b.id).toBe(`${c.id}|0000001`);
    expect(store.activitiesAfter(c, '').activities).toHaveLength(2);
    expect(store.activitiesAfter(c, '0')).toEqual({ activities: [b], watermark: '1' });
    expect(store.activitiesAfter(c, '1')).toEqual({ activities: [], watermark: '1' });
    expect(store.activitiesAfter(c, 'junk').activities).toHaveLength(2);
  });

  test('only the last activities are kept per conversation', () => {
    const store = make(() => 0);
    const c = store.create();
    store.append(c, Array.from({ length: 6 }, (_, i) => ({ type: 'message', text: String(i) })));
    expect(store.activitiesAfter(c, '').activities.map((x) => x.text)).toEqual(['2', '3', '4', '5']);
  });

  test('an idle conversation is forgotten, with what was typed in it', () => {
    let now = 0;
    const store = make(() => now);
    const c = store.create();
    store.append(c, [{ type: 'message', text: 'private' }]);
    now = 900;
    store.touch(c);
    now = 1800;
    expect(store.get(c.id)).toBe(c);
    now = 3000;
    expect(store.get(c.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  test('however active, a conversation is forgotten after its maximum age; hooks are told', () => {
    let now = 0;
    const store = new ConversationStore({ idleMs: 1000, maxAgeMs: 2500, maxConversations: 3, maxActivities: 4, now: () => now });
    const c = store.create();
    let told = 0;
    c.onForget.add(() => (told += 1));
    store.append(c, [{ type: 'message', text: 'private' }]);
    for (now = 500; now <= 2500; now += 500) {
      expect(store.get(c.id)).toBe(c);
      store.touch(c);
    }
    now = 3000;
    expect(store.get(c.id)).toBeUndefined();
    expect(told).toBe(1);
    expect(store.activitiesAfter(c, '').activities).toEqual([]);
  });

  test('at the cap, a live conversation is never dropped to make room: a new one is refused with 503 instead', () => {
    const store = make(() => 0, 2);
    const live = store.create();
    live.started = true;
    store.markSpoken(live);
    const unused = store.create();
    store.create(); // room is made by dropping the token nobody used
    expect(store.get(unused.id)).toBeUndefined();
    expect(store.get(live.id)).toBe(live);
  });

  test('a conversation started but never spoken in is dropped before a live one, and after an unused token', () => {
    const store = make(() => 0, 3);
    const live = store.create();
    live.started = true;
    store.markSpoken(live);
    const greeted = store.create();
    greeted.started = true;
    const unused = store.create();
    const fresh = store.create();
    expect(store.get(unused.id)).toBeUndefined();
    expect(store.get(greeted.id)).toBe(greeted);
    fresh.started = true;
    store.create();
    expect(store.get(greeted.id)).toBeUndefined();
    expect(store.get(fresh.id)).toBe(fresh);
    expect(store.get(live.id)).toBe(live);
  });

  test('when every place is a live conversation, creating another fails with a 503 HttpError', () => {
    const store = make(() => 0, 2);
    for (let i = 0; i < 2; i++) {
      const c = store.create();
      c.started = true;
      store.markSpoken(c);
    }
    expect(() => store.create()).toThrow(expect.objectContaining({ status: 503 }));
    expect(store.size).toBe(2);
  });

  test('one client over its cap loses its own oldest silent conversation, not anyone else\'s; with none silent it gets 429', () => {
    const store = new ConversationStore({ idleMs: 1000, maxConversations: 100, maxActivities: 10, maxPerClient: 2, now: () => 0 });
    const other = store.create('resident');
    const first = store.create('script');
    const second = store.create('script');
    store.create('script');
    expect(store.get(first.id)).toBeUndefined();
    expect(store.get(second.id)).toBe(second);
    expect(store.get(other.id)).toBe(other);
    const crowd = new ConversationStore({ idleMs: 1000, maxConversations: 100, maxActivities: 10, maxPerClient: 1, now: () => 0 });
    crowd.markSpoken(crowd.create('school'));
    expect(() => crowd.create('school')).toThrow(expect.objectContaining({ status: 429 }));
    expect(crowd.create('home').clientKey).toBe('home');
  });

  test('the sweep forgets idle conversations; the cap drops the least recently active unused one', () => {
    let now = 0;
    const store = make(() => now);
    const a = store.create();
    const b = store.create();
    const c = store.create();
    now = 10;
    store.touch(a);
    store.create();
    expect(store.get(b.id)).toBeUndefined();
    expect(store.get(a.id)).toBe(a);
    expect(store.get(c.id)).toBe(c);
    now = 5000;
    expect(store.sweep()).toBe(3);
  });
});

describe('readWebChatSettings', () => {
  test('defaults: embedded, 30-minute tokens, BBC weather exit, nothing may frame the page', () => {
    const s = readWebChatSettings({}, 24);
    expect(s).toMatchObject({
      mode: 'embedded',
      tokenLifetimeSeconds: 1800,
      conversationIdleMinutes: 30,
      exitUrl: 'https://www.bbc.co.uk/weather',
      frameAncestors: [],
      allowedOrigins: [],
      directLineEndpoint: 'https://directline.botframework.com',
    });
  });

  test('the idle time never exceeds RETENTION_HOURS', () => {
    expect(readWebChatSettings({ WEBCHAT_IDLE_MINUTES: '600' }, 2).conversationIdleMinutes).toBe(120);
  });

  test('a secret switches to Azure mode; bad values are named', () => {
    expect(readWebChatSettings({ DIRECT_LINE_SECRET: 'x' }, 24).mode).toBe('azure');
    expect(() => readWebChatSettings({ WEBCHAT_EXIT_URL: 'http://example.com' }, 24)).toThrow(/WEBCHAT_EXIT_URL/);
    expect(() => readWebChatSettings({ WEBCHAT_ALLOWED_ORIGINS: 'not a url' }, 24)).toThrow(/WEBCHAT_ALLOWED_ORIGINS/);
    expect(() => readWebChatSettings({ WEBCHAT_TOKEN_SECRET: 'short' }, 24)).toThrow(/WEBCHAT_TOKEN_SECRET/);
    expect(() => readWebChatSettings({ WEBCHAT_TOKEN_MINUTES: '0' }, 24)).toThrow(/WEBCHAT_TOKEN_MINUTES/);
  });
});
