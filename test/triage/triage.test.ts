import { createTriage, createTriageEngine, detectRisk, MAX_TEXT_LENGTH } from '../../knowledge/triage';
import { PRIORITY_GROUP_IDS } from '../../knowledge/vocabulary';
import type { KnowledgePack } from '../../knowledge/schema/pack';
import { bathnesEngine, sharedExamples } from './helpers';

const triage = (text: string, context = {}) => bathnesEngine().triage(text, context);
const groupIds = (text: string, context = {}) => triage(text, context).priorityGroups.map((g) => g.id);

describe('shared example phrases', () => {
  it('has at least 40 phrases for every one of the 21 groups', () => {
    const examples = sharedExamples();
    for (const id of PRIORITY_GROUP_IDS) expect({ id, n: (examples[id] ?? []).length >= 40 }).toEqual({ id, n: true });
  });

  it('trains from the examples file alone (no loader needed)', () => {
    const examples = sharedExamples();
    const pack: Pick<KnowledgePack, 'priorityGroups' | 'needLevels'> = {
      priorityGroups: PRIORITY_GROUP_IDS.map((id) => ({
        id,
        strategyWording: id,
        plainName: id,
        summary: id,
        appliesTo: ['adults' as const],
        source: 'seed:test',
        examples: examples[id] ?? [],
      })),
      needLevels: [],
    };
    const fn = createTriage(pack);
    expect(fn('we have been evicted').priorityGroups[0].id).toBe('housing');
  });

  it('trains in well under a second', () => {
    expect(bathnesEngine().startupMs).toBeLessThan(3000); // a loose guard; npm run bench reports the real figure
  });
});

describe('priority groups', () => {
  it('maps the issue example to both groups it names', () => {
    const ids = groupIds("my son won't go to school and I've lost my job");
    expect(ids.slice(0, 2).sort()).toEqual(['financial-exclusion', 'school-attendance']);
  });

  it.each([
    ['we are being evicted and my dad just passed away', ['housing', 'bereavement']],
    ['my autistic son is being bullied', ['learning-difficulties-autism', 'bullying']],
    ['my husband drinks every night, we argue constantly in front of the kids', ['substance-misuse', 'parental-conflict']],
    ['I care for my mum and I feel so low', ['carers', 'mental-health']],
  ])('"%s" -> %j in the top three', (text, expected) => {
    const top3 = groupIds(text).slice(0, 3);
    for (const id of expected) expect(top3).toContain(id);
  });

  it('returns scores from 0 to 1, best first, and at least three groups', () => {
    const { priorityGroups } = triage('my daughter refuses school');
    expect(priorityGroups.length).toBeGreaterThanOrEqual(3);
    for (const g of priorityGroups) {
      expect(g.score).toBeGreaterThan(0);
      expect(g.score).toBeLessThanOrEqual(1);
    }
    const scores = priorityGroups.map((g) => g.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(priorityGroups[0].id).toBe('school-attendance');
  });

  it('uses the age band: a young child tilts toward early years, a teenager toward NEET', () => {
    const text = 'looking for a free place at nursery or college for my child';
    const young = triage(text, { ageBand: 'pre-birth-5' }).priorityGroups;
    const teen = triage(text, { ageBand: '11-19' }).priorityGroups;
    const score = (gs: typeof young, id: string) => gs.find((g) => g.id === id)?.score ?? 0;
    expect(score(young, 'early-years-funding')).toBeGreaterThan(score(teen, 'early-years-funding'));
    expect(score(teen, 'neet')).toBeGreaterThanOrEqual(score(young, 'neet'));
  });

  it('older people tilt toward social isolation', () => {
    const text = 'I never see anyone these days';
    const older = triage(text, { ageBand: 'older' }).priorityGroups;
    const plain = triage(text).priorityGroups;
    const score = (gs: typeof older) => gs.find((g) => g.id === 'social-isolation')?.score ?? 0;
    expect(score(older)).toBeGreaterThanOrEqual(score(plain));
    expect(older[0].id).toBe('social-isolation');
  });
});

describe('route and need level', () => {
  it('risk wins: the route is the most urgent risk route and the level is specialist', () => {
    const result = triage('I want to kill myself');
    expect(result.route).toBe('crisis');
    expect(result.needLevel).toBe('specialist');
    expect(result.riskMatches.map((m) => m.rule)).toEqual(expect.arrayContaining(['model.crisis', 'crisis.suicidal-intent']));
    expect(result.confidence).toBe('high');
    expect(result.priorityGroups.map((g) => g.id)).toContain('mental-health');
  });

  it('a plain question is information at the universal level', () => {
    const result = triage('where can I find a toddler group');
    expect(result.route).toBe('information');
    expect(result.needLevel).toBe('universal');
    expect(result.priorityGroups[0].id).toBe('new-parents');
  });

  it('a greeting is information with no groups', () => {
    expect(triage('hello')).toMatchObject({ route: 'information', riskMatches: [], priorityGroups: [], needLevel: 'universal' });
    expect(triage('hello').confidence).toBeUndefined();
  });

  it('a worry is early help at the targeted level', () => {
    const result = triage("my son won't go to school and it's been going on for months");
    expect(result.route).toBe('early-help');
    expect(result.needLevel).toBe('targeted');
  });

  it('a simple question about a worry stays universal', () => {
    expect(triage('how do I apply for free school meals').needLevel).toBe('universal');
  });

  it('statutory words make it specialist even without a risk rule', () => {
    const result = triage('there is a child in need plan and a social worker for my son who is struggling');
    expect(result.needLevel).toBe('specialist');
  });

  it('figurative words in a worry do not escalate', () => {
    const result = triage('this debt is killing me');
    expect(result.route).toBe('early-help');
    expect(result.priorityGroups[0].id).toBe('financial-exclusion');
  });
});

describe('bad input', () => {
  it('copes with empty, odd and very long text', () => {
    expect(triage('').route).toBe('information');
    expect(triage('!!!???').route).toBe('information');
    expect(triage('😀😀😀').route).toBe('information');
    const long = 'my son will not go to school. '.repeat(1000);
    expect(long.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    expect(triage(long).priorityGroups[0].id).toBe('school-attendance');
  });

  it('treats a non-string as empty rather than throwing', () => {
    expect(triage(undefined as unknown as string).route).toBe('information');
  });

  it('builds an engine for a pack with no example phrases (risk still works)', () => {
    const engine = createTriageEngine({ priorityGroups: [], needLevels: [] });
    expect(engine.triage('i want to kill myself').route).toBe('crisis');
    expect(engine.triage('hello').priorityGroups).toEqual([]);
  });
});

describe('the route follows who is at risk', () => {
  const routes = (text: string, context = {}) => triage(text, context).riskMatches.map((m) => m.route);

  test('a child present beside domestic abuse adds the children\'s route (front door or duty team) after the abuse route', () => {
    const r = routes('my partner punched me in front of the baby');
    expect(r[0]).toBe('domestic-abuse');
    expect(r).toContain('safeguarding-child');
  });

  test('a child speaking gets the children\'s route first, also for domestic abuse', () => {
    expect(routes('my boyfriend hits me', { audience: 'young-person' })[0]).toBe('safeguarding-child');
    expect(routes('i am 15 and my boyfriend hits me')[0]).toBe('safeguarding-child');
  });

  test('an adult son is not a child', () => {
    expect(routes('my adult son hits me and takes my pension')).not.toContain('safeguarding-child');
  });

  test('abuse of an older person by family adds adult social care to the domestic abuse route', () => {
    const r = routes('my son shouts at me and takes my pension, I have dementia');
    expect(r).toContain('safeguarding-adult');
    expect(routes('my husband hits me', { audience: 'self', ageBand: 'older' })).toEqual(expect.arrayContaining(['domestic-abuse', 'safeguarding-adult']));
    expect(routes('my husband hits me', { audience: 'self', ageBand: 'adult' })).not.toContain('safeguarding-adult');
  });

  test('a child hurt now gets 999 first and the children\'s route beside it', () => {
    const r = routes('the little girl next door is being hurt by her parents');
    expect(r).toContain('safeguarding-child');
  });
});

describe('a harm of any age: who is at risk chooses the route (knowledge/triage/rules/risk-rules.json, whoIsAtRisk)', () => {
  const routes = (text: string, context = {}) => [...new Set(triage(text, context).riskMatches.map((m) => m.route))];

  test.each([
    ['im being groomed i think', ['safeguarding-child', 'safeguarding-adult']],
    ['he keeps me locked in', ['domestic-abuse', 'safeguarding-child']],
    ['they are forcing me to get married', ['safeguarding-child', 'domestic-abuse']],
    ['he has been missing since friday', ['safeguarding-adult', 'safeguarding-child']],
  ])('the age unknown: "%s" gives both the children\'s and the adults\' routes', (text, expected) => {
    expect(routes(text)).toEqual(expect.arrayContaining(expected));
  });

  test.each([
    ['my nan is being groomed by a man she met online', 'safeguarding-adult', 'safeguarding-child'],
    ['my son is being groomed', 'safeguarding-child', 'safeguarding-adult'],
    ['my husband keeps me locked in when he goes to work', 'domestic-abuse', 'safeguarding-child'],
    ['my stepdad keeps me locked in my room', 'safeguarding-child', 'domestic-abuse'],
    ['parents forcing me to marry, im 20', 'domestic-abuse', 'safeguarding-child'],
    ['my sister is 15 and being married off', 'safeguarding-child', 'domestic-abuse'],
  ])('the message names who: "%s" is %s, not %s', (text, route, not) => {
    expect(routes(text)).toContain(route);
    expect(routes(text)).not.toContain(not);
  });

  test('an age the conversation gave earlier decides when the message does not say', () => {
    expect(routes('they are forcing me to get married', { audience: 'young-person' })).not.toContain('domestic-abuse');
    expect(routes('they are forcing me to get married', { audience: 'self', ageBand: 'adult' })[0]).toBe('domestic-abuse');
    expect(routes('he keeps me locked in', { audience: 'self', ageBand: '11-19' })[0]).toBe('safeguarding-child');
  });

  test('the rule\'s own route leads when the age is unknown', () => {
    const matches = triage('he keeps me locked in').riskMatches.filter((m) => !m.rule.startsWith('model.'));
    expect(matches.map((m) => [m.route, m.rule])).toEqual([
      ['domestic-abuse', 'domestic-abuse.kept-locked-in'],
      ['safeguarding-child', 'domestic-abuse.kept-locked-in:age-unknown'],
    ]);
  });

  test('a young child missing is an emergency: 999 first', () => {
    expect(triage('my toddler is missing').route).toBe('emergency');
    expect(triage('i cant find my 4 year old anywhere in the shopping centre').route).toBe('emergency');
  });
});

describe('a topic is not a case: asking for material about a harm (issue 11, point 6)', () => {
  test.each([
    ['Social worker - can you point me to the cuckooing toolkit?', 'safeguarding-adult'],
    ['we want training on spotting grooming for our staff', 'safeguarding-child'],
    ['is there a leaflet about domestic abuse for our waiting room', 'domestic-abuse'],
  ])('%j is not escalated; its topic is %s', (text, topic) => {
    const r = triage(text);
    expect(r.confidence).toBeUndefined();
    expect(r.topic).toBe(topic);
  });

  test('a disclosure beside the same words is still risk', () => {
    expect(triage('i went on a parenting course but my husband hits me and i am scared').route).toBe('domestic-abuse');
    // A harm told, not named: the course is what they asked for, the rest is a case (hold-out v12).
    expect(triage('looking for parenting courses. also, my partner says social services will take the kids if I tell anyone what he does to me').route).toBe('domestic-abuse');
  });
});

describe('the model read again without words that do not tell a case', () => {
  const engine = bathnesEngine();
  const isRisk = (text: string) => engine.triage(text).riskMatches.length > 0;
  test.each([
    // A joining word at the start: the model had learnt "also" from risk buried after a request.
    "also my daughter is 15 and she won't go to school",
    // A denial: the model leaned on "hurting".
    "nobody is hurting him, he just won't go to school",
    // A practical request worded like a method question (an everyday frame): multi-turn v9.
    'quickest way to get a council house?',
    "what's the fastest way to apply for a blue badge",
    // Grief (the bereaved 14-year-old tried in the real page): not intrusive thoughts of harm.
    'my grandad died in october and i cant stop thinking about it',
    // A bereavement told plainly (hold-out v18).
    'lost my dad a few weeks ago',
    // Self-harm long over with help now (hold-out v18).
    "my daughter self harmed last year but she's doing really well now, camhs discharged her",
  ])('%j is not escalated', (text) => expect(isRisk(text)).toBe(false));
  test.each([
    'also my partner hits me',
    'also i want to kill myself',
    "nobody is hurting him but his dad locks him out at night",
    "what's the quickest way to die",
    'quickest way to get hold of paracetamol',
    'my dad died and i cant stop thinking about joining him',
    'mum died last year, cant stop thinking about it and i dont want to be here anymore',
    'lost my mum last week and i dont want to go on without her',
    'she self harmed last year and it has started again',
    'he hurt me years ago and now he has started again',
  ])(
    '%j still is',
    (text) => expect(isRisk(text)).toBe(true),
  );
});

// Harm long ago with safety now, and a child's threat over a toy (hold-out v18): the rules' frames
// hold these words. The model still reads both as risk, so they are not asserted unescalated.
describe('frames the rules hold', () => {
  test.each(['a man hurt me. that was a long time ago. now i am safe. i want to join a group', "he said he'd kill his sister if she touched his lego again, he's 6"])(
    '%j fires no rule',
    (text) => expect(detectRisk(text)).toEqual([]),
  );

  // An everyday frame: a carer's day is not neglect (the Stop 24 note: "cannot leave her alone"),
  // and what is told beside it, or someone she must not be left with, keeps its risk.
  const engine = bathnesEngine();
  test.each([
    ["My mum has dementia and I cannot leave her alone for more than an hour, I'm exhausted", undefined],
    ['cant leave him alone for a minute, he keeps trying to hang himself', 'crisis'],
    ["I can't leave her alone with him for a minute, he hits her", 'domestic-abuse'],
  ])('%j: %s', (text, route) => {
    const result = engine.triage(text);
    expect(result.confidence === 'high' ? result.route : undefined).toBe(route);
  });
});

describe('practitioners\' signs of a baby\'s injury (hold-out v17, the Teams try-out)', () => {
  const engine = bathnesEngine();
  test.each(['8 week old, parents vague about a bruise on the cheek, not mobile yet', 'HV - 6wk baby with a torn frenulum, who do I speak to today?'])('%j is the children\'s route', (text) => {
    const result = engine.triage(text);
    expect(result.route).toBe('safeguarding-child');
    expect(result.confidence).toBe('high');
  });
});

describe('a writer who gives their own age', () => {
  const engine = bathnesEngine();
  test('under 18 is a child speaking: the children\'s route leads, also for domestic abuse', () => {
    expect(engine.triage('I am 16 and my partner controls my money and who I see').route).toBe('safeguarding-child');
  });
  test('a weight or a shift is not an age, and an adult the conversation knows stays one', () => {
    expect(engine.triage('im 16 stone and my husband hits me').route).toBe('domestic-abuse');
    expect(engine.triage('i am 12 hours into a shift and my partner keeps texting threats').route).toBe('domestic-abuse');
  });
  test('"im 14 hes 23" is read by the rules (a bare answer the model does not read)', () => {
    expect(engine.triage('im 14 hes 23', { rulesOnly: true }).route).toBe('safeguarding-child');
    expect(engine.triage('im 14 and my brother is 23', { rulesOnly: true }).riskMatches).toEqual([]);
  });
});

describe('who is speaking, for the lines a risk reply gives (adultSpeaking, childSpeaking)', () => {
  const engine = bathnesEngine();
  test.each([
    ['my 8 year old told me his stepdad hits him with a belt', {}, 'adult'],
    ["I'm 52 and I keep thinking about ending my life", {}, 'adult'],
    ['my partner hits me', { audience: 'parent-carer' }, 'adult'],
    ['my partner hits me', { audience: 'self', ageBand: 'older' }, 'adult'],
    ['im 14 and my stepdad hits me', {}, 'child'],
    ['my partner hits me', {}, 'unknown'],
    // 18 may still call Childline: left unknown, with every line.
    ["I'm 18 and my boyfriend hits me", {}, 'unknown'],
  ] as const)('%j (%j): %s', (text, context, who) => {
    const result = engine.triage(text, context);
    expect(result.confidence).toBe('high');
    expect(result.childSpeaking ? 'child' : result.adultSpeaking ? 'adult' : 'unknown').toBe(who);
  });
});

describe('found after hold-out v15 and the older carer in the real page', () => {
  const engine = bathnesEngine();
  test('"baby\'s blue" is an emergency; "the baby\'s blue blanket" is not', () => {
    expect(engine.triage("baby's blue").route).toBe('emergency');
    expect(engine.triage("I've lost the baby's blue blanket, is there a baby bank").riskMatches).toEqual([]);
  });
  test('a harm told after an ordinary request in another sentence is a case, not a question about a topic', () => {
    const r = engine.triage("Can you signpost a parenting course? I lose it with my 3 year old and I've shaken her a few times.");
    expect(r.route).toBe('safeguarding-child');
  });
  test('"I look after my husband" is a carer, not a looked-after child: not the specialist level', () => {
    expect(engine.triage('Good afternoon. I am 72 and I look after my husband who has dementia').needLevel).toBe('targeted');
    expect(engine.triage('my son is a looked after child and his placement is breaking down').needLevel).toBe('specialist');
  });
});

describe('signals: what a worry says beyond its groups', () => {
  const engine = bathnesEngine();
  test.each(['ppl at skl keep callin me names n sharin pics of me', 'someone posted a video of me and its going round everyone'])('%j says a picture is being shared', (text) => {
    expect(engine.triage(text).signals).toEqual(['image-sharing']);
  });
  test('plain bullying says nothing more', () => expect(engine.triage('my son is being bullied at school').signals).toBeUndefined());
});
