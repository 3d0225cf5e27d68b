import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { teamsTurnContext } from '../../bot/teams/activity';
import { defaultAudience, withDefaultAudience } from '../../bot/teams/audience';
import { checkCardAction, invokeMessage } from '../../bot/teams/cardActions';
import { forTeamsCard, noticeCard, prepareOutgoing, privateChatUrl, TEAMS_MAX_CARD_VERSION } from '../../bot/teams/cards';
import { channelPolicy, DETAIL_SCAN_CHARACTERS, identifyingDetails, SHARED_MAX_CARDS } from '../../bot/teams/channelPolicy';
import { mentionsBot, stripMentions } from '../../bot/teams/mentions';

const BOT = { id: '28:11111111-2222-4333-8444-555555555555', name: 'Early Help' };

function teams(overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    recipient: BOT,
    from: { id: '29:user', name: 'Sam Teacher' },
    conversation: { id: 'a:1', conversationType: 'personal', tenantId: 'tenant-b' } as Activity['conversation'],
    channelData: { tenant: { id: 'tenant-a' } },
    ...overrides,
  };
}

describe('teamsTurnContext', () => {
  test('reads a personal Teams chat', () => {
    expect(teamsTurnContext(teams())).toEqual({
      isTeams: true,
      conversationType: 'personal',
      shared: false,
      tenantId: 'tenant-a',
      teamId: undefined,
      botId: BOT.id,
    });
  });

  test('a channel message is shared and names its team', () => {
    const turn = teamsTurnContext(
      teams({
        conversation: { id: '19:abc@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true } as Activity['conversation'],
        channelData: { tenant: { id: 't' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:abc@thread.tacv2' } },
      }),
    );
    expect(turn).toMatchObject({ conversationType: 'channel', shared: true, teamId: '19:team@thread.tacv2', tenantId: 't' });
  });

  test('a group chat is shared; the tenant falls back to the conversation', () => {
    const turn = teamsTurnContext(
      teams({ conversation: { id: '19:g', conversationType: 'groupChat', tenantId: 'tenant-c' } as Activity['conversation'], channelData: {} }),
    );
    expect(turn).toMatchObject({ conversationType: 'groupChat', shared: true, tenantId: 'tenant-c' });
  });

  test('Web Chat is not Teams and never shared', () => {
    const turn = teamsTurnContext({ channelId: 'webchat', conversation: { id: 'x', conversationType: 'channel' } as Activity['conversation'] });
    expect(turn.isTeams).toBe(false);
    expect(turn.shared).toBe(false);
  });
});

describe('defaultAudience', () => {
  test('practitioner in Teams, undecided elsewhere', () => {
    expect(defaultAudience({ channelId: 'msteams' })).toBe('practitioner');
    expect(defaultAudience({ channelId: 'webchat' })).toBeUndefined();
    expect(defaultAudience({ channelId: 'emulator' })).toBeUndefined();
  });
});

describe('withDefaultAudience', () => {
  interface Profile {
    audience?: 'self' | 'parent-carer' | 'young-person' | 'practitioner';
    worries: string[];
  }
  const state = new ConversationState(new MemoryStorage());
  const profile = withDefaultAudience(state.createProperty<Profile>('profile'));
  const contextOn = (channelId: string) =>
    new TurnContext(new TestAdapter(), { type: 'message', channelId, conversation: { id: `c-${channelId}` } as Activity['conversation'], text: 'hi' });

  test('a Teams profile with no audience reads as a practitioner, even after being emptied', async () => {
    const context = contextOn('msteams');
    expect((await profile.get(context, { worries: [] })).audience).toBe('practitioner');
    await profile.set(context, { worries: [] }); // what "start again" does
    expect((await profile.get(context)).audience).toBe('practitioner');
  });

  test('an audience the person chose is kept', async () => {
    const context = contextOn('msteams');
    await profile.set(context, { audience: 'parent-carer', worries: [] });
    expect((await profile.get(context)).audience).toBe('parent-carer');
  });

  test('other channels are left to ask', async () => {
    const context = contextOn('webchat');
    expect((await profile.get(context, { worries: [] })).audience).toBeUndefined();
  });
});

describe('stripMentions', () => {
  const mention = (text: string, id = BOT.id, name = BOT.name) => ({ type: 'mention', text, mentioned: { id, name } });

  test('removes the bot mention Teams puts at the start', () => {
    const activity = teams({ text: '<at>Early Help</at> services for young carers', entities: [mention('<at>Early Help</at>')] });
    expect(stripMentions(activity)).toBe('services for young carers');
    expect(mentionsBot(activity)).toBe(true);
  });

  test('removes every mention of the bot, wherever it is, and tidies &nbsp;', () => {
    const activity = teams({
      text: 'Hi <at>Early Help</at>&nbsp;what about housing? thanks <at>Early Help</at>',
      entities: [mention('<at>Early Help</at>')],
    });
    expect(stripMentions(activity)).toBe('Hi what about housing? thanks');
  });

  test("keeps other people's names but drops their tags", () => {
    const activity = teams({
      text: '<at>Early Help</at> <at>Alex Smith</at> asked about bereavement support',
      entities: [mention('<at>Early Help</at>'), mention('<at>Alex Smith</at>', '29:alex', 'Alex Smith')],
    });
    expect(stripMentions(activity)).toBe('Alex Smith asked about bereavement support');
  });

  test('ids with and without the 28: prefix are the same bot', () => {
    const activity = teams({ text: '<at>EH</at> help', entities: [mention('<at>EH</at>', '11111111-2222-4333-8444-555555555555', 'EH')] });
    expect(stripMentions(activity)).toBe('help');
  });

  test('a bot tag with no entity (some clients) is still removed by the bot name', () => {
    expect(stripMentions(teams({ text: '<at>Early Help</at> start again', entities: [] }))).toBe('start again');
  });

  test('text with no mention is unchanged apart from trimming', () => {
    expect(stripMentions(teams({ text: '  money worries  ' }))).toBe('money worries');
    expect(mentionsBot(teams({ text: 'money worries' }))).toBe(false);
  });

  test('entities or mention fields that are not what Teams sends are passed over, not a TypeError (the turn failed before)', () => {
    for (const entities of [{}, 'mention', 7, null, [null, 7, { type: 'mention' }, { type: 'mention', mentioned: null }, { type: 'mention', text: 8, mentioned: { id: 7, name: {} } }]]) {
      const activity = teams({ text: '<at>Early Help</at> money', entities: entities as never });
      expect(stripMentions(activity)).toBe('money');
      expect(mentionsBot(activity)).toBe(false);
    }
    const named = teams({ text: '<at>x</at> money', recipient: { id: BOT.id, name: 7 as never }, entities: [mention('<at>x</at>', BOT.id, 8 as never)] });
    expect(stripMentions(named)).toBe('money');
    expect(stripMentions(teams({ text: 7 as never }))).toBe('');
  });

  test('mention text with regex characters is treated literally', () => {
    const activity = teams({ text: '<at>Help (B&NES)*</at> carers', entities: [mention('<at>Help (B&NES)*</at>', BOT.id, 'Help (B&NES)*')] });
    expect(stripMentions(activity)).toBe('carers');
  });
});

describe('identifyingDetails', () => {
  test.each([
    ['my pupil Jack has stopped coming to school', ['a name']],
    ['a child called Amy is being bullied', ['a name']],
    ['Mrs Patel is struggling with rent', ['a name']],
    ['Jayden, 7, is often hungry', ['a name']],
    ['born 12/03/2015 and lives at BA2 3QQ', ['a date of birth', 'a postcode']],
    ['call mum on 07700 900123 or mum@example.org', ['a phone number', 'an email address']],
    ['her email is (mum.smith@example.co.uk).', ['an email address']],
  ])('%s', (text, kinds) => {
    expect(identifyingDetails(text)).toEqual(kinds);
  });

  test.each(['services for young carers in Bath', 'A family I work with has money worries', 'I teach Year 6 and a pupil seems low', 'The School nurse asked me'])(
    'no details in "%s"',
    (text) => {
      expect(identifyingDetails(text)).toEqual([]);
    },
  );
});

describe('identifyingDetails on hostile and long text', () => {
  // Each of these once made the address pattern backtrack from every start: seconds per 60 KB.
  test.each([
    ['a letter run', 'a'.repeat(60_000)],
    ['"@" without spaces', 'a@'.repeat(30_000)],
    ['dots and "@"', '@a.'.repeat(20_000)],
  ])('%s: nothing found', (_label, text) => {
    expect(identifyingDetails(text)).toEqual([]);
  });

  test('an address among long words is still found', () => {
    expect(identifyingDetails(`${'x'.repeat(3000)} write to mum@example.org ${'y'.repeat(3000)}`)).toEqual(['an email address']);
  });

  test(`only the first ${DETAIL_SCAN_CHARACTERS} characters are read`, () => {
    const padding = 'word '.repeat(DETAIL_SCAN_CHARACTERS / 5);
    expect(identifyingDetails(`mum@example.org ${padding}`)).toEqual(['an email address']);
    expect(identifyingDetails(`${padding} mum@example.org`)).toEqual([]);
  });
});

describe('channelPolicy', () => {
  const personal = teamsTurnContext(teams());
  const channel = teamsTurnContext(teams({ conversation: { id: 'c', conversationType: 'channel' } as Activity['conversation'] }));

  test('personal chats have no limits and no notice', () => {
    expect(channelPolicy(personal, { text: 'my pupil Jack', risk: false, noticeGiven: false })).toEqual({
      shared: false,
      maxCards: Infinity,
      offerPrivateChat: false,
    });
  });

  test('the first answer in a channel carries the general notice and a short list', () => {
    const policy = channelPolicy(channel, { text: 'services for carers', risk: false, noticeGiven: false });
    expect(policy).toMatchObject({ shared: true, maxCards: SHARED_MAX_CARDS, offerPrivateChat: true, notice: { kind: 'general' } });
  });

  test('later answers in the same thread skip the general notice', () => {
    expect(channelPolicy(channel, { text: 'services for carers', risk: false, noticeGiven: true }).notice).toBeUndefined();
  });

  test('a name in a channel always brings the warning', () => {
    const policy = channelPolicy(channel, { text: 'my pupil Jack is being bullied', risk: false, noticeGiven: true });
    expect(policy.notice).toEqual({ kind: 'identifying', identifying: ['a name'] });
  });

  test('risk is never cut short', () => {
    const policy = channelPolicy(channel, { text: 'a child said they were hit', risk: true, noticeGiven: true });
    expect(policy.maxCards).toBe(Infinity);
    expect(policy.notice?.kind).toBe('risk');
  });
});

describe('cards for Teams', () => {
  test('caps the Adaptive Card version at 1.5 and adds fallback text', () => {
    const card = forTeamsCard({
      type: 'AdaptiveCard',
      version: '1.6',
      body: [
        { type: 'TextBlock', text: 'Young carers' },
        { type: 'Container', items: [{ type: 'FactSet', facts: [{ title: 'Ages', value: '5 to 18' }] }] },
      ],
    });
    expect(card.version).toBe(TEAMS_MAX_CARD_VERSION);
    expect(card.fallbackText).toBe('Young carers\nAges: 5 to 18');
  });

  test('keeps a supported version and an existing fallback', () => {
    const card = forTeamsCard({ type: 'AdaptiveCard', version: '1.3', fallbackText: 'Own fallback', body: [] });
    expect(card).toMatchObject({ version: '1.3', fallbackText: 'Own fallback' });
  });

  test('the private chat link opens a 1:1 chat with the bot', () => {
    expect(privateChatUrl(BOT.id)).toBe('https://teams.microsoft.com/l/chat/0/0?users=28%3A11111111-2222-4333-8444-555555555555');
    expect(privateChatUrl('11111111-2222-4333-8444-555555555555')).toBe(privateChatUrl(BOT.id));
  });

  test('a notice card has text, fallback and the private chat button', () => {
    const card = noticeCard(['One', 'Two'], BOT.id).content as Record<string, any>;
    expect(card.version).toBe('1.5');
    expect(card.fallbackText).toBe('One\n\nTwo');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Continue in a private chat', url: privateChatUrl(BOT.id) }]);
  });

  const serviceCards = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: `Service ${i}` }] },
    }));

  test('in a channel a reply keeps only the first cards and counts the rest', () => {
    const { activities, hidden } = prepareOutgoing({ type: 'message', attachments: serviceCards(5) }, { shared: true, maxCards: 2 });
    expect(activities).toHaveLength(1);
    expect(activities[0].attachments).toHaveLength(2);
    expect(hidden).toBe(3);
  });

  test('suggested actions become card buttons in a channel, as imBack submits', () => {
    const { activities } = prepareOutgoing(
      {
        type: 'message',
        text: 'Would you like to carry on?',
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Carry on', value: 'Carry on' }, { type: 'imBack', title: 'Start again', value: 'Start again' }] },
      },
      { shared: true, maxCards: 2 },
    );
    expect(activities).toHaveLength(1);
    expect(activities[0].suggestedActions).toBeUndefined();
    const card = activities[0].attachments?.[0].content as Record<string, any>;
    expect(card.body[0].actions).toEqual([
      { type: 'Action.Submit', title: 'Carry on', data: { msteams: { type: 'imBack', value: 'Carry on' } } },
      { type: 'Action.Submit', title: 'Start again', data: { msteams: { type: 'imBack', value: 'Start again' } } },
    ]);
    expect(activities[0].text).toBe('Would you like to carry on?');
  });

  test('imBack suggested actions stay as they are in a personal chat', () => {
    const activity = { type: 'message', text: 'Pick', suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'A', value: 'A' }] } };
    const { activities } = prepareOutgoing(activity, { shared: false, maxCards: Infinity });
    expect(activities[0].suggestedActions?.actions).toHaveLength(1);
  });

  test('a message with cards and suggested actions gets the buttons as a second message in the same conversation', () => {
    const { activities } = prepareOutgoing(
      {
        type: 'message',
        conversation: { id: 'c' } as Activity['conversation'],
        attachments: serviceCards(1),
        suggestedActions: { to: [], actions: [{ type: 'postBack', title: 'More', value: { action: 'help' } }] },
      },
      { shared: false, maxCards: Infinity },
    );
    expect(activities).toHaveLength(2);
    expect(activities[1].conversation).toEqual({ id: 'c' });
    expect((activities[1].attachments?.[0].content as any).body[0].actions[0].data).toEqual({ action: 'help' });
  });

  test('non-message activities pass through', () => {
    const trace = { type: 'trace', name: 'earlyHelp.triage', value: {} };
    expect(prepareOutgoing(trace, { shared: true, maxCards: 1 })).toEqual({ activities: [trace], hidden: 0 });
  });
});

describe('checkCardAction (adaptiveCard/action invokes)', () => {
  test('accepts an Action.Execute whose data is a known submit', () => {
    expect(checkCardAction({ action: { type: 'Action.Execute', data: { action: 'topic', group: 'housing' } }, trigger: 'manual' })).toEqual({
      ok: true,
      submit: { action: 'topic', group: 'housing' },
    });
  });

  test('the verb names the action when the data does not; msteams keys are dropped', () => {
    expect(checkCardAction({ action: { type: 'Action.Execute', verb: 'restart', data: { msteams: { x: 1 } } } })).toEqual({
      ok: true,
      submit: { action: 'restart' },
    });
  });

  test.each([
    ['no value', undefined],
    ['not Action.Execute', { action: { type: 'Action.Submit', data: { action: 'help' } } }],
    ['unknown action', { action: { type: 'Action.Execute', data: { action: 'delete-everything' } } }],
    ['unknown group', { action: { type: 'Action.Execute', data: { action: 'topic', group: 'aliens' } } }],
    ['extra keys', { action: { type: 'Action.Execute', data: { action: 'help', script: '<x>' } } }],
  ])('rejects %s with a reason', (_name, value) => {
    const result = checkCardAction(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  test('invoke responses are 200 messages Teams shows the user', () => {
    expect(invokeMessage('Done')).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done' });
  });
});
