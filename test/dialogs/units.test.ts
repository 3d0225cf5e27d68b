import { contactsForRoute } from '../../knowledge';
import { serviceCard, serviceText } from '../../dialogs/cards/serviceCard';
import { topicCard } from '../../dialogs/cards/topicCard';
import { isOutOfHours, turnInstant } from '../../dialogs/clock';
import { handoffSummaryFixture } from './unitsFixtures';
import { aboutForRelationship, inferAbout, inferAgeBand, inferAudience, inferRole, namesOldAgeNeeds, readAgeAnswer, readAgeYears, readWhoIsAsking } from '../../knowledge/understanding/whoIsAsking';
import { roleOptions } from '../../dialogs/wording';
import { closeCall, keptGroups } from '../../dialogs/interpret';
import { recogniseInterruption } from '../../dialogs/interruptions';
import { recogniseOption } from '../../dialogs/prompts';
import { riskResponse } from '../../dialogs/riskResponse';
import { checkSubmit, submittedStrings } from '../../dialogs/submits';
import { talkToSomeone } from '../../dialogs/talkToSomeone';
import { audienceOptions, wordingFor } from '../../dialogs/wording';
import { bathnes } from './harness';
import { welcomeActivity } from '../../dialogs/welcome';

describe('always-available commands', () => {
  test.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['what can you do?', 'help'],
    ['start again', 'restart'],
    ['Can I start again please', 'restart'],
    ['restart', 'restart'],
    ['talk to someone', 'talk'],
    ['I want to talk to a person', 'talk'],
    ['quick exit', 'quickExit'],
    ['exit', 'quickExit'],
    ['are you a real person?', 'realPerson'],
    ['hang on, is this a bot', 'realPerson'],
    ['Carry on', 'carryOn'],
  ])('%j is %s', (text, kind) => expect(recogniseInterruption(text)).toBe(kind));

  test.each([
    'I need to talk to someone about my son drinking',
    'I want to leave home',
    'my mum needs help with shopping',
    'we had to start again after the fire',
    '',
  ])('%j is not a command: it is a worry or nothing', (text) => expect(recogniseInterruption(text)).toBeUndefined());
});

describe('strict option recognition', () => {
  test.each([
    ["I'm a parent or carer", 'parent-carer'],
    ['parent', 'parent-carer'],
    ['2', 'parent-carer'],
    ['I am a teacher', 'practitioner'],
    ['myself', 'self'],
  ])('%j picks %s', (text, value) => expect(recogniseOption(text, audienceOptions)).toBe(value));

  test.each(['my child will not go to school and I do not know what to do', 'banana', '9'])('%j picks nothing', (text) =>
    expect(recogniseOption(text, audienceOptions)).toBeUndefined(),
  );
});

describe('card submits are validated with zod', () => {
  test.each([
    [{ action: 'topic', group: 'housing' }, 'valid'],
    [{ action: 'choose', value: 'another' }, 'valid'],
    [{ action: 'restart', msteams: { type: 'messageBack' } }, 'valid'],
    [{ action: 'topic', group: 'not-a-group' }, 'invalid'],
    [{ action: 'topic' }, 'invalid'],
    [{ action: 'delete-everything' }, 'invalid'],
    [{ action: 'choose', value: '' }, 'invalid'],
    [{ action: 'restart', extra: 1 }, 'invalid'],
    ['a string', 'invalid'],
    [[1, 2], 'invalid'],
  ])('%j is %s', (value, kind) => expect(checkSubmit({ value }).kind).toBe(kind));

  test('a message with text is not a submit; no value is not a submit', () => {
    expect(checkSubmit({ text: 'hello', value: { action: 'topic' } }).kind).toBe('none');
    expect(checkSubmit({ text: 'hello' }).kind).toBe('none');
  });

  test('every string in a submit reaches the risk check', () => {
    expect(submittedStrings({ a: 'one', b: { c: ['two', 3] } })).toEqual(['one', 'two']);
  });
});

describe('reading a first message', () => {
  test.each([
    ["I'm a teacher and one of my pupils is always hungry", 'practitioner'],
    ['my son will not go to school', 'parent-carer'],
    ["I'm 15 and my mum drinks a lot", 'young-person'],
    ['I am 14 and my friend is being bullied', 'young-person'],
    ['money is tight', undefined],
    // A stated adult age settles it: a carer of her mother, not a child.
    ["My mum has dementia and I'm exhausted looking after her, I'm 68 myself", 'self'],
    ["my dad drinks and i'm 34", 'self'],
    ['im 15 n my mum keeps shouting', 'young-person'],
    // A parent with a need of old age, or a partner who needs care: an adult carer writing.
    ['my dad has dementia and keeps wandering at night', 'self'],
    ['caring for my wife since her stroke', 'self'],
    ['i look after my mum shes disabled', 'young-person'],
    // A school year says young, beside caring for a parent; a weight or a shift is not an age.
    ['my mum has had a stroke and i look after her, im in year 9', 'young-person'],
    ['im 16 stone and my husband hits me', undefined],
    ['i am 12 hours into a shift and my partner keeps texting threats', undefined],
    ['me 15 my partner 26', 'young-person'],
    ['me, 34, and my two kids', 'self'],
    ['give me 5 minutes to find the letter', undefined],
  ])('%j: audience %s', (text, audience) => expect(inferAudience(text)).toBe(audience));

  test.each([
    ['15', 'young-person', '11-19'],
    ['im 15', 'young-person', '11-19'],
    ["I'm 34", 'self', 'adult'],
    ['34', 'self', 'adult'],
    ['I am 72 years old', 'self', 'older'],
    ["I said, I'm a health visitor", 'practitioner', undefined],
    ["I'm a parent", 'parent-carer', undefined],
    ['neither, its bullying', undefined, undefined],
    ['my baby is 8 months', 'parent-carer', undefined],
    ["I'm thirty four", 'self', 'adult'],
    ['im fifteen', 'young-person', '11-19'],
    ['sixty eight', 'self', 'older'],
    ["I'm a mum of two", 'parent-carer', undefined],
    ['one of the parents', undefined, undefined],
  ])('typed at "Who is asking?": %j -> %s, %s', (text, audience, ageBand) => {
    expect(readWhoIsAsking(text)).toEqual({ audience, ...(ageBand ? { ageBand } : {}) });
  });

  test.each([
    ['7', 7],
    ["she's 7", 7],
    ['seven', 7],
    ['8 months', 0],
    ['eight months old', 0],
    ['14 years old', 14],
    ['not sure', undefined],
    ["I'm 38 but my son is 7", undefined],
  ])('the age in years typed at the age question: %j -> %s', (text, years) => expect(readAgeYears(text)).toBe(years));

  test.each([
    ['7', 'child', '5-11'],
    ["she's 7", 'child', '5-11'],
    ['he is 14', 'child', '11-19'],
    ['8 months', 'child', 'pre-birth-5'],
    ['my 8 month old', 'child', 'pre-birth-5'],
    ['34', 'myself', 'adult'],
    ["I'm 68", 'myself', 'older'],
    ['purple', 'child', undefined],
    ['40', 'child', undefined],
  ] as const)('typed at the age question: %j about %s -> %s', (text, about, band) => {
    expect(readAgeAnswer(text, about)).toBe(band);
  });

  test("the writer's own age of 18 or 19 is an adult's", () => {
    expect(inferAgeBand('hes 22 im 18', undefined)).toBe('adult');
    expect(inferAgeBand('my son is 18 and has autism', 'child')).toBe('11-19');
  });

  test('a role named in a practitioner\'s words', () => {
    expect(inferRole("I said, I'm a health visitor", roleOptions)).toBe('health-visitor');
    expect(inferRole("i'm a teacher at the primary", roleOptions)).toBe('teacher');
    expect(inferRole('I work with families', roleOptions)).toBeUndefined();
  });

  test.each([
    ['my 7 year old is being bullied', 'child', '5-11'],
    ['my daughter is 14', 'child', '11-19'],
    ["I'm pregnant and scared", undefined, 'pre-birth-5'],
    ['my baby cries all night', 'child', 'pre-birth-5'],
    // A parent with a need of old age, named by someone who may be an adult: the older person.
    ['my dad is retired and lonely', 'older-person', 'older'],
    ['A 9 year old in my class is often hungry', 'child', '5-11'],
    ['the 15yr old next door is never in school', 'child', '11-19'],
    ['a 40 year old man on my street drinks a lot', undefined, 'adult'],
  ])('%j: about %s, age %s', (text, about, age) => {
    expect(inferAbout(text, undefined)).toBe(about);
    expect(inferAgeBand(text, inferAbout(text, undefined))).toBe(age);
  });
});

test.each([
  ['my dad has dementia and keeps wandering at night', 'self', 'older-person'],
  ['my husband has had a stroke and I cannot manage', 'self', 'adult'],
  ['my husband drinks too much', 'self', 'myself'],
  ['my mum drinks every night', 'young-person', 'myself'],
  ['my son has autism', 'self', 'child'],
] as const)('%j, asked by %s, is about %s', (text, audience, about) => {
  expect(inferAbout(text, audience)).toBe(about);
});

test('a relationship said earlier decides whom the worry is about, by the audience\'s options', () => {
  expect(aboutForRelationship('mum', 'self')).toBe('older-person');
  expect(aboutForRelationship('mum', 'young-person')).toBeUndefined();
  expect(aboutForRelationship('mum', undefined)).toBeUndefined();
  expect(aboutForRelationship('mum', 'parent-carer')).toBeUndefined();
  expect(aboutForRelationship('daughter', 'parent-carer')).toBe('child');
  expect(aboutForRelationship('husband', 'self', 'my husband drinks')).toBeUndefined();
  expect(aboutForRelationship('husband', 'self', 'my husband has parkinsons and I am his carer')).toBe('adult');
  // A carer who picked "I'm a parent or carer": about the one they say they look after.
  expect(aboutForRelationship('husband', 'parent-carer', 'I look after my husband, he had a stroke')).toBe('adult');
  expect(aboutForRelationship('dad', 'parent-carer', 'caring for my dad')).toBe('older-person');
  expect(aboutForRelationship('mum', 'parent-carer', "my mum says I'm too soft on him")).toBeUndefined();
  expect(namesOldAgeNeeds('she has dementia now')).toBe(true);
  expect(namesOldAgeNeeds('she has a new job')).toBe(false);
});

test('a young person may be asking about a friend', () => {
  expect(inferAbout('my friend is being bullied', 'young-person')).toBe('child');
  expect(inferAbout('I am being bullied', 'young-person')).toBe('myself');
});

describe('unsure between groups', () => {
  test('close scores ask; a clear first group does not', () => {
    expect(closeCall([{ id: 'housing', score: 0.5 }, { id: 'financial-exclusion', score: 0.45 }])).toEqual(['housing', 'financial-exclusion']);
    expect(closeCall([{ id: 'housing', score: 0.9 }, { id: 'financial-exclusion', score: 0.85 }])).toBeUndefined();
    expect(closeCall([{ id: 'housing', score: 0.5 }, { id: 'financial-exclusion', score: 0.1 }])).toBeUndefined();
    expect(closeCall([{ id: 'housing', score: 0.5 }])).toBeUndefined();
  });

  test('the groups kept for one worry are the first and those close behind', () => {
    expect(keptGroups([{ id: 'housing', score: 0.9 }, { id: 'financial-exclusion', score: 0.7 }, { id: 'bullying', score: 0.2 }])).toEqual(['housing', 'financial-exclusion']);
  });
});

describe('the channel clock', () => {
  test('the activity timestamp wins; a string timestamp is read; the server clock only when missing or bad', () => {
    const server = new Date('2030-01-01T00:00:00Z');
    expect(turnInstant({ timestamp: new Date('2026-12-25T10:00:00Z') }, () => server).toISOString()).toBe('2026-12-25T10:00:00.000Z');
    expect(turnInstant({ timestamp: '2026-08-31T09:00:00Z' as unknown as Date }, () => server).toISOString()).toBe('2026-08-31T09:00:00.000Z');
    expect(turnInstant({}, () => server)).toBe(server);
    expect(turnInstant({ timestamp: 'not a date' as unknown as Date }, () => server)).toBe(server);
  });

  test.each([
    ['2026-11-23T10:00:00Z', false],
    ['2026-11-27T16:45:00Z', true],
    ['2026-11-28T11:00:00Z', true],
    ['2026-12-25T10:00:00Z', true],
    ['2026-08-31T09:00:00Z', true],
  ])('at %s out of hours is %s', (at, out) => expect(isOutOfHours(bathnes(), new Date(at))).toBe(out));
});

describe('risk response', () => {
  test('calm lead-in, contacts in order with 999 first, then Carry on / Start again', () => {
    const rc = contactsForRoute(bathnes(), 'safeguarding-child', new Date('2026-11-28T11:00:00Z'));
    const [lead, contacts, carry] = riskResponse(rc);
    expect(lead.text).toContain(rc.message);
    expect(lead.text).toContain('closed right now');
    expect(contacts.text?.split('\n')[0]).toContain('999');
    expect(contacts.text).toContain('01454 615165');
    expect(carry.suggestedActions?.actions.map((a) => a.title)).toEqual(['Carry on', 'Start again']);
  });

  test('when more than one route fired, the main route comes first, then the main line of each other route', () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const main = contactsForRoute(bathnes(), 'safeguarding-child', at);
    const [, contacts] = riskResponse(main, [contactsForRoute(bathnes(), 'domestic-abuse', at)]);
    const text = contacts.text ?? '';
    expect(text.indexOf('01225 396312')).toBeGreaterThan(-1);
    expect(text.indexOf('These may help too')).toBeGreaterThan(text.indexOf('01225 396312'));
    expect(text).toContain('0808 2000 247');
    // Only the other route's main line: its situational lines stay with its own reply.
    expect(text).not.toContain('0800 5999 247');
    expect(text.match(/Call 999/g)).toHaveLength(1);
    expect(text).toContain('quick exit');
  });

  test('domestic abuse adds how to leave the page fast', () => {
    const [, contacts] = riskResponse(contactsForRoute(bathnes(), 'domestic-abuse', new Date('2026-11-23T10:00:00Z')));
    expect(contacts.text).toContain('quick exit');
  });
});

describe('talk to someone', () => {
  test('a practitioner gets the front door and portal in hours, the Emergency Duty Team out of hours, no listening lines', () => {
    const inHours = talkToSomeone(bathnes(), new Date('2026-11-23T10:00:00Z'), 'practitioner');
    expect(inHours).toContain('01225 396312');
    expect(inHours).toContain('report-concern-about-child');
    expect(inHours).not.toContain('Samaritans');
    const out = talkToSomeone(bathnes(), new Date('2026-11-27T16:45:00Z'), 'practitioner');
    expect(out).toContain('01454 615165');
    expect(out).not.toContain('01225 396312');
  });
  test('in office hours: the front door numbers', () => {
    const text = talkToSomeone(bathnes(), new Date('2026-11-23T10:00:00Z'), 'self');
    expect(text).toContain('01225 396312');
    expect(text).not.toContain('01454 615165');
  });
  test('about an adult (an older carer asking about her husband): adult social care and adults\' lines, not the children\'s front door or a young people\'s line', () => {
    const text = talkToSomeone(bathnes(), new Date('2026-11-24T10:00:00Z'), 'parent-carer', true);
    expect(text).toContain('01225 396000');
    expect(text).toContain('Samaritans');
    expect(text).not.toContain('01225 396312');
    expect(text).not.toContain('PAPYRUS');
    expect(text).toContain('call 999');
  });

  test('whose worry is an adult\'s: someone cared for, or the writer\'s own as an adult', () => {
    const { aboutAnAdult } = jest.requireActual('../../dialogs/profile') as typeof import('../../dialogs/profile');
    expect(aboutAnAdult({ worries: [], about: 'older-person' })).toBe(true);
    expect(aboutAnAdult({ worries: [], about: 'myself', ageBand: 'adult' })).toBe(true);
    expect(aboutAnAdult({ worries: [], about: 'myself', ageBand: '11-19' })).toBe(false);
    expect(aboutAnAdult({ worries: [], about: 'child' })).toBe(false);
  });

  test('on a bank holiday: the Emergency Duty Team, listening lines and the opening hours', () => {
    const text = talkToSomeone(bathnes(), new Date('2026-12-25T10:00:00Z'), 'young-person');
    expect(text).toContain('01454 615165');
    expect(text).toContain('Childline');
    expect(text).toContain('Monday to Thursday');
  });
});

describe('cards', () => {
  test('a service card carries what it does, who for, how to reach it, and a full text fallback', () => {
    const service = bathnes().services.find((s) => s.contacts.some((c) => c.method.kind === 'url'))!;
    const card = serviceCard(service, wordingFor('self'), 'Live Well B&NES');
    const content = card.content as { fallbackText: string; actions: Array<{ url: string }>; body: unknown[] };
    expect(content.fallbackText).toBe(serviceText(service, wordingFor('self'), 'Live Well B&NES'));
    expect(content.fallbackText).toContain(service.name);
    expect(content.fallbackText).toContain('Who it is for:');
    expect(content.fallbackText).toContain('How to get it:');
    expect(content.actions.length).toBeGreaterThan(0);
  });

  test('every way to reach a service is one tap: a phone number dials, and links say where they go', () => {
    const withPhone = bathnes().services.find((s) => s.id === 'direct-payments')!;
    const phone = withPhone.contacts.find((c) => c.method.kind === 'phone')!;
    const actions = (serviceCard(withPhone, wordingFor('self'), 'Live Well B&NES').content as { actions: Array<{ title: string; url: string }> }).actions;
    expect(actions).toContainEqual({ type: 'Action.OpenUrl', title: `Call ${phone.method.value}`, url: `tel:${phone.method.value.replace(/\s+/g, '')}` });
    // Libraries list two pages on one site: their buttons must still differ.
    const twoLinks = bathnes().services.find((s) => s.id === 'libraries')!;
    expect(twoLinks.contacts.filter((c) => c.method.kind === 'url').length).toBeGreaterThanOrEqual(2);
    const titles = (serviceCard(twoLinks, wordingFor('self'), 'Live Well B&NES').content as { actions: Array<{ title: string }> }).actions.map((a) => a.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  // A person test found "Opening times not listed. If someone is in danger now, call 999." on the
  // direct payments card: the note goes with the contact in risk replies, not on a service card.
  test('a contact\'s note is not on a service card, and is beside the contact in a risk reply', () => {
    const service = bathnes().services.find((s) => s.id === 'direct-payments')!;
    const note = service.contacts.find((c) => c.note)?.note;
    expect(note).toBeDefined();
    expect(serviceText(service, wordingFor('self'), 'Live Well B&NES')).not.toContain(note!);
    const route = contactsForRoute(bathnes(), 'safeguarding-adult', new Date('2026-12-01T11:00:00Z'));
    const withNote = route.contacts.find((c) => c.note);
    expect(withNote).toBeDefined();
    expect(JSON.stringify(riskResponse(route))).toContain(withNote!.note!);
  });

  test('a service with no known contact says where to look instead', () => {
    const service = bathnes().services.find((s) => s.contacts.length === 0)!;
    expect(serviceText(service, wordingFor('self'), 'Live Well B&NES')).toContain(service.howToFind!);
  });

  test('the topic card lists all 21 groups and submits { action: "topic", group }', () => {
    const content = topicCard().content as { body: Array<{ choices?: unknown[] }>; actions: Array<{ data: unknown }> };
    expect(content.body[1].choices).toHaveLength(21);
    expect(content.actions[0].data).toEqual({ action: 'topic' });
  });
});

describe('handoff summary', () => {
  test('no names, only worries in plain words, who and age', () => {
    const summary = handoffSummaryFixture();
    expect(summary).toContain('Worries: money worries');
    expect(summary).toContain('Who it is about: me');
    expect(summary).not.toMatch(/name/i);
  });
});

describe('welcome', () => {
  test('asks who is asking, with quick replies', () => {
    const w = welcomeActivity(bathnes(), 24);
    expect(w.text).toContain('Who is asking?');
    expect(w.suggestedActions?.actions).toHaveLength(4);
  });
  test('where the channel says it is a practitioner (Teams), asks for the concern instead', () => {
    const w = welcomeActivity(bathnes(), 24, 'practitioner');
    expect(w.text).toContain('Describe a concern');
    expect(w.text).toContain('call 999');
    expect(w.suggestedActions).toBeUndefined();
  });
});

test('a greeting and nothing more is greeted back; a greeting with a worry is the worry', () => {
  const { isGreeting } = jest.requireActual('../../knowledge/understanding/greeting') as typeof import('../../knowledge/understanding/greeting');
  for (const text of ['hey', 'Hello?', 'hi there!', 'Good evening', 'hiya 👋', 'hello hello']) expect({ text, greeting: isGreeting(text) }).toEqual({ text, greeting: true });
  for (const text of ['hey i need help', 'hello my son', 'hi im 15', '', 'help']) expect({ text, greeting: isGreeting(text) }).toEqual({ text, greeting: false });
});

test('a goodbye however it is put ends the conversation at the menu; a goodbye with more in it does not', () => {
  const { isGoodbye } = jest.requireActual('../../knowledge/understanding/greeting') as typeof import('../../knowledge/understanding/greeting');
  for (const text of ['That is all, thank you for your help.', 'no thats it thanks x', 'brilliant, cheers', 'bye', "thanks so much, that's really helpful"]) expect({ text, goodbye: isGoodbye(text) }).toEqual({ text, goodbye: true });
  for (const text of ['thanks but my son still wont go to school', 'ok', 'i want to go now', "thanks, that's all. I won't be around much longer", '']) expect({ text, goodbye: isGoodbye(text) }).toEqual({ text, goodbye: false });
});

test('"we are being evicted and I have 2 kids" is about the whole family; "my son is 7" is about the child', () => {
  expect(inferAbout('my landlord wants us out by the end of the month and i have 2 kids', undefined)).toBe('family');
  expect(inferAbout("I've got two boys, 4 and 6, and my ex stopped paying", undefined)).toBe('family');
  expect(inferAbout('my son is 7', undefined)).toBe('child');
});

test('a role signed the way practitioners write ("HV here", "GP:", "DSL - quick one") is a practitioner; "GP says" is not', () => {
  for (const text of ['HV here', 'HV.', 'SENCo here', 'GP: patient worried about her son', 'DSL - quick one']) expect({ text, audience: inferAudience(text) }).toEqual({ text, audience: 'practitioner' });
  expect(inferAudience('GP says my son has ADHD')).toBe('parent-carer');
  expect(inferRole('HV here', roleOptions)).toBe('health-visitor');
});
