import { ConversationStore, jsonStringBytes } from '../../bot/webchat/conversations';
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

  describe('bounded by bytes as well as by count', () => {
    const text = (kb: number, mark: string) => `${mark} ${'x'.repeat(kb * 1024)}`;

    test('activities are kept as the JSON a client gets: the same activities back, Dates as ISO strings', () => {
      const store = make(() => 0);
      const c = store.create();
      const [stored] = store.append(c, [{ type: 'message', text: 'hello', timestamp: new Date('2026-01-02T03:04:05Z'), channelData: { a: [1, { b: null }] } }]);
      const [read] = store.activitiesAfter(c, '').activities;
      expect(read).toEqual(JSON.parse(JSON.stringify(stored)));
      expect(read.timestamp).toBe('2026-01-02T03:04:05.000Z');
      expect(store.bytes).toBe(c.logBytes);
      expect(c.logBytes).toBe(jsonStringBytes(JSON.stringify(stored)));
    });

    test('one conversation keeps at most maxConversationBytes; the oldest fall off and the newest always stays', () => {
      const store = new ConversationStore({ idleMs: 1000, maxConversations: 10, maxActivities: 300, maxConversationBytes: 10 * 1024, now: () => 0 });
      const c = store.create();
      for (let i = 0; i < 10; i++) store.append(c, [{ type: 'message', text: text(3, `m${i}`) }]);
      const kept = store.activitiesAfter(c, '').activities.map((a) => String(a.text).slice(0, 3));
      expect(kept).toEqual(['m7 ', 'm8 ', 'm9 ']);
      expect(c.logBytes).toBeLessThanOrEqual(10 * 1024);
      // Watermarks still count every activity, kept or not.
      expect(store.watermarkOf(c)).toBe('9');
      store.append(c, [{ type: 'message', text: text(20, 'big') }]);
      expect(store.activitiesAfter(c, '8').activities.map((a) => String(a.text).slice(0, 3))).toEqual(['big']);
    });

    test('over the store budget, the least recently active conversations lose their oldest activities first', () => {
      let now = 0;
      const store = new ConversationStore({ idleMs: 60_000, maxConversations: 10, maxActivities: 300, maxStoreBytes: 40 * 1024, now: () => now });
      const quiet = store.create();
      const busy = store.create();
      for (let i = 0; i < 5; i++) store.append(quiet, [{ type: 'message', text: text(4, `q${i}`) }]);
      now = 10;
      store.touch(busy);
      for (let i = 0; i < 5; i++) store.append(busy, [{ type: 'message', text: text(4, `b${i}`) }]);
      expect(store.bytes).toBeLessThanOrEqual(40 * 1024);
      expect(store.activitiesAfter(busy, '').activities).toHaveLength(5);
      expect(store.activitiesAfter(quiet, '').activities.length).toBeLessThan(5);
      // However far over, each conversation keeps its newest activity.
      for (let i = 0; i < 10; i++) store.append(busy, [{ type: 'message', text: text(8, `B${i}`) }]);
      expect(store.activitiesAfter(quiet, '').activities.map((a) => String(a.text).slice(0, 2))).toEqual(['q4']);
      expect(store.bytes).toBe(quiet.logBytes + busy.logBytes);
    });

    test('forgetting a conversation gives its bytes back; the accounting never drifts', () => {
      let now = 0;
      const store = new ConversationStore({ idleMs: 1000, maxConversations: 3, maxActivities: 4, maxStoreBytes: 20 * 1024, now: () => now });
      for (let round = 0; round < 20; round++) {
        const c = store.create();
        c.started = true;
        for (let i = 0; i < 6; i++) store.append(c, [{ type: 'message', text: text(1 + (i % 3), `r${round}`) }]);
        now += 400;
        store.sweep();
      }
      now += 10_000;
      store.sweep();
      expect(store.size).toBe(0);
      expect(store.bytes).toBe(0);
    });

    test('characters outside Latin-1 count two bytes each, as V8 stores them', () => {
      expect(jsonStringBytes('"abc"')).toBe(16 + 5);
      expect(jsonStringBytes('"ab\u{1F600}"')).toBe(16 + 2 * '"ab\u{1F600}"'.length);
    });
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

  test('the store keeps 8 MB of activities unless WEBCHAT_MAX_STORE_MB says otherwise', () => {
    expect(readWebChatSettings({}, 24)).toMatchObject({ maxStoreBytes: 8 * 1024 * 1024, maxConversationBytes: 512 * 1024 });
    expect(readWebChatSettings({ WEBCHAT_MAX_STORE_MB: '32' }, 24).maxStoreBytes).toBe(32 * 1024 * 1024);
    expect(() => readWebChatSettings({ WEBCHAT_MAX_STORE_MB: '0' }, 24)).toThrow(/WEBCHAT_MAX_STORE_MB/);
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
