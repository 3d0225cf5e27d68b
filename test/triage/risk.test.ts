import { readdirSync } from 'node:fs';
import { RiskDetector } from '../../knowledge/triage/risk';
import { EVAL_DIR, readEval } from './helpers';
import { detectRisk, projectRiskRules } from '../../knowledge/triage';

const rulesOf = (text: string) => detectRisk(text).map((m) => m.rule);
const routesOf = (text: string) => detectRisk(text).map((m) => m.route);

describe('detectRisk: the examples in the issue', () => {
  const cases: Array<[string, string]> = [
    ['kil myself', 'crisis'],
    ['i feel suicidle', 'crisis'],
    ['the neigbours leave their toddler alone all day', 'safeguarding-child'],
    ['kms', 'crisis'],
    ["my friend says she'll kill herself", 'crisis'],
    ["I don't want to be here anymore", 'crisis'],
    ["I'm scared to go home", 'domestic-abuse'],
    ["I'm not sure I can keep myself safe", 'crisis'],
  ];
  it.each(cases)('"%s" escalates to %s', (text, route) => {
    expect(routesOf(text)).toContain(route);
  });

  it.each(['these bills are killing me', 'the school run is murder', 'the baby is killing me with these night feeds'])('"%s" does not escalate', (text) => {
    expect(detectRisk(text)).toEqual([]);
  });
});

describe('detectRisk: every rule\'s examples and near misses (knowledge/triage/rules/risk-rules.json)', () => {
  // The file's schema requires both lists for every rule; here each is walked.
  for (const rule of projectRiskRules().rules) {
    it.each(rule.examples)(`${rule.id} fires on "%s"`, (text) => {
      expect(rulesOf(text)).toContain(rule.id);
    });
    it.each(rule.nearMisses)(`${rule.id} does not fire on "%s"`, (text) => {
      expect(rulesOf(text)).not.toContain(rule.id);
    });
  }
});

describe('detectRisk: figurative speech', () => {
  it.each([
    'these bills are killing me',
    'my feet are killing me',
    'the school run is murder',
    'I could kill for a coffee',
    "I'm dying to know how the match went",
    'dying of embarrassment',
    'my boss will murder me if I am late',
    'this traffic is a nightmare',
    'the waiting is killing me',
    'I burnt myself cooking tea',
    'she got kicked off her course',
    'I want to dye my hair',
    'we are going to jump on the trampoline',
  ])('"%s" does not escalate', (text) => {
    expect(detectRisk(text)).toEqual([]);
  });

  it('still escalates when a person is the subject or the object', () => {
    expect(routesOf('my husband is killing me')).not.toEqual([]);
    expect(routesOf('these kids are killing me')).not.toEqual([]);
    expect(rulesOf('he will kill me if he finds out')).toContain('emergency.threat-to-kill');
  });

  it('escalates a real risk said next to a figurative one', () => {
    expect(routesOf('these bills are killing me and honestly I want to kill myself')).toContain('crisis');
  });
});

describe('detectRisk: negation does not hide risk', () => {
  it.each([
    ["I'm not sure I can keep myself safe", 'crisis'],
    ["I don't think I can stay safe", 'crisis'],
    ["I'm not ok", 'crisis'],
    ["I don't want to live anymore", 'crisis'],
    ["I don't feel safe at home", 'domestic-abuse'],
    ["I can't say he doesn't hit me", 'domestic-abuse'],
  ])('"%s" escalates to %s', (text, route) => {
    expect(routesOf(text)).toContain(route);
  });
});

describe('detectRisk: third person, text speak and long messages', () => {
  it('catches risk about someone else', () => {
    expect(routesOf('my mate keeps saying he wants to die')).toContain('crisis');
    expect(routesOf('i think my friends dad is abusing her')).toContain('safeguarding-child');
  });

  it('catches text speak', () => {
    expect(routesOf('ngl i wanna unalive myself')).toContain('crisis');
    expect(routesOf('my bf hit me agen')).toContain('domestic-abuse');
  });

  it('catches risk in the middle of a long message', () => {
    const text =
      "Hi, I wanted to ask about free childcare for my two year old because money is tight since I lost my job. " +
      'Also my partner pushed me against the wall last night when I asked about the bills. ' +
      'Anyway, are there any toddler groups near Midsomer Norton on a Thursday morning? Thanks so much.';
    expect(rulesOf(text)).toContain('domestic-abuse.violence');
  });
});

describe('detectRisk: result shape', () => {
  it('returns [] for empty or blank text', () => {
    expect(detectRisk('')).toEqual([]);
    expect(detectRisk('   ')).toEqual([]);
  });

  it('names the rule and the words that matched', () => {
    const [first] = detectRisk('i want to kil myself');
    expect(first).toEqual({ route: 'crisis', rule: 'crisis.suicidal-intent', matched: 'kill myself' });
  });

  it('puts the most urgent route first: emergency > crisis > child > domestic abuse > adult', () => {
    const routes = routesOf('my partner hits me, I have taken 30 tablets and I want to kill myself, the kids are home alone');
    expect(routes[0]).toBe('emergency');
    const order = ['emergency', 'crisis', 'safeguarding-child', 'domestic-abuse', 'safeguarding-adult'];
    const ranks = routes.map((r) => order.indexOf(r));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('lists each rule once', () => {
    const rules = rulesOf('i want to kill myself, i want to kill myself, i want to kill myself');
    expect(new Set(rules).size).toBe(rules.length);
  });

  it('does not escalate ordinary worries', () => {
    for (const text of [
      "my son won't go to school",
      'we are behind on the rent',
      'my mum died last month',
      'where can I find a toddler group',
      'my daughter is being bullied on snapchat',
      'my partner and I argue a lot',
      "my 15 year old is home after school on his own until 6, is that ok?",
    ]) {
      expect({ text, matches: detectRisk(text) }).toEqual({ text, matches: [] });
    }
  });
});

describe('detectRisk: families added after hold-out v6', () => {
  it.each([
    ['is it normal for a gf to read ur texts and tell u who u can see', 'domestic-abuse'],
    ['my friend took something and we cant wake him', 'emergency'],
    ['grandad has had a fall and is not responding', 'emergency'],
    ['a little boy is on his own by the canal, no adults about', 'emergency'],
    ['my dad is booting the back door in', 'emergency'],
    ['his hands are round my throat pls help', 'emergency'],
    ['hes laying into my brother', 'emergency'],
    ['i pray a bus hits me on the way home', 'crisis'],
    ['evry1 wud b happier w/o me', 'crisis'],
    ["not sure i'll still be around by the weekend", 'crisis'],
    ['my friends kids are kept in squalor', 'safeguarding-child'],
    ['my husband threatened to have me deported if I leave', 'domestic-abuse'],
    ['whenever he loses his temper she ends up with bruises', 'domestic-abuse'],
    ['dealers have moved in with my cousin and he is too scared of them to say anything, they store drugs there', 'safeguarding-adult'],
    ['I think that he is killing me', 'emergency'],
    ['that man is killing her', 'emergency'],
    ['a little girl has fallen into the canal', 'emergency'],
    ['the flat is on fire and my nan is trapped upstairs', 'emergency'],
    ['my baby is choking', 'emergency'],
    ['he has got his hands around her neck', 'emergency'],
    ['i cant see any future for myself', 'crisis'],
    ['she makes herself sick after every meal', 'crisis'],
    ['i punch walls till my knuckles are raw', 'crisis'],
    ['my stepdad plays tickling games with her and says it is our little secret', 'safeguarding-child'],
    ['a man on discord asked my 12 year old to video call without her clothes', 'safeguarding-child'],
    ['the toddler has a fracture and the parents cannot explain how', 'safeguarding-child'],
    ['my cousin who has a learning disability is being made to deal drugs', 'safeguarding-adult'],
    ['my nan is 90, she will not let anyone in and the house stinks', 'safeguarding-adult'],
    ['a man knocked on the door and my grandad paid him 3000 for the drive', 'safeguarding-adult'],
    ['he says no one else would ever want me', 'domestic-abuse'],
    ['my ex keeps turning up at my mums house', 'domestic-abuse'],
    ['my parents are pushing me to marry a man I have never met, I am 24', 'domestic-abuse'],
    ["i'm going to hurt the boys who bullied me, it's all planned", 'emergency'],
    ['my 14 year old keeps sharing far right memes', 'safeguarding-child'],
    ['my nephew says jews should be wiped out', 'safeguarding-child'],
    ['someone set up a fake account posting nudes of my daughter', 'safeguarding-child'],
    ['concerns re: Y3 pupil, unkempt and always hungry', 'safeguarding-child'],
    ['client reports partner monitors her location and controls the finances', 'domestic-abuse'],
    ['my sister has a learning disability and is being used by some lads who make her take out loans', 'safeguarding-adult'],
    ['my grandma has dementia and keeps sending money to a man she talks to on the phone', 'safeguarding-adult'],
    ['my stepdad walks in when im in the shower', 'safeguarding-child'],
    ['she sends me photos of her cuts', 'crisis'],
    ['i dnt wna b here nemore', 'crisis'],
    ['im gna do it 2nite no1 can stop me', 'crisis'],
    ['ive got all my tablets lined up on the bed', 'crisis'],
    ['my gf pushd me into the door', 'domestic-abuse'],
    ['my dad is always off his face and we have nothing to eat', 'safeguarding-child'],
    ['the people at my supported living take my money', 'safeguarding-adult'],
    ["grandad's neighbour has been using his bank card", 'safeguarding-adult'],
    ['my nan is 85 and keeps sending cheques for lottery prizes she has won', 'safeguarding-adult'],
    ['the old lady next door has not been seen for days and her post is piling up', 'safeguarding-adult'],
    ['her boyfriend put her in hospital', 'domestic-abuse'],
    ['he threatened to set fire to the flat with us inside', 'domestic-abuse'],
    ['I feel like a prisoner in my own home, he decides everything', 'domestic-abuse'],
    ['my daughter is 13 and a modelling agent online wants pictures', 'safeguarding-child'],
    ['her uncle makes her do things she does not like', 'safeguarding-child'],
    ['my son sent me a text saying sorry for everything and now his phone is off', 'crisis'],
    ['i keep thinking about swerving into oncoming traffic', 'crisis'],
    ['my 13 year old is in a snapchat group full of older men', 'safeguarding-child'],
    ['they robbed my son and now they say he owes them', 'safeguarding-child'],
    ['my gran is 90 and my cousin is living off her pension', 'safeguarding-adult'],
    ["my grandad's girlfriend made him change his will and won't let the family visit", 'safeguarding-adult'],
    ['the nursing home leave my dad lying in his own mess', 'safeguarding-adult'],
    ['my husband makes me hand over my wages', 'domestic-abuse'],
    ['she threatened to ruin me if i tell anyone', 'domestic-abuse'],
    ['the baby has bruises after being left with my boyfriend', 'safeguarding-child'],
    ['my carer is horrible to me and pinches my arm', 'safeguarding-adult'],
    ['grandad has dementia and went out in the middle of the night in his pyjamas', 'safeguarding-adult'],
    ['my 14 year old was asked to hold a parcel for some lads for 50 quid', 'safeguarding-child'],
    ['the football coach keeps texting her and told her to delete the messages', 'safeguarding-child'],
  ])('"%s" escalates to %s', (text, route) => {
    expect(routesOf(text)).toContain(route);
  });

  it.each([
    "her A levels are killing her",
    "I can't wake him up for school in the mornings",
    'I am writing letters to everyone about the school fundraiser',
    'I take my nan to the bank every week to collect her pension',
    "we're not moving house after all",
    'my toddler loves feeding the ducks at the pond',
    'my son fell in the pond at the park last summer and now he is scared of water',
    'my toddler keeps choking on his food when he eats too fast',
    'my son plays secret santa games at school',
    'my son made himself sick eating too many sweets',
    'my ex turned up late to collect the kids again',
    'my son is obsessed with WW2 history and knows loads about the nazis',
    'we watched a documentary about isis at school',
    "I'm going to kill the teachers with kindness at parents evening",
    'my partner checks the bank balance before we go shopping',
    'my daughter is always hungry when she gets home from school',
    'no one can stop me from going to the concert',
    "my husband decides everything about the holidays and it's annoying",
    "my son's friend keeps borrowing his card for games",
    "I'm a carer for my mum and I use her bank card to do her shopping",
    'the staff at the hostel keep my phone charger',
    'id be happy to help at the school fair',
    'my daughter says she owes them an apology',
    "my nan won't let anyone visit because of covid",
    'we pulled off the road to let the tractor pass',
    'my husband said it is a secret until the party',
    'my toddler went out in the snow in his pyjamas and loved it',
  ])('"%s" does not escalate', (text) => {
    expect(detectRisk(text)).toEqual([]);
  });
});

describe('running only the rules whose needed words appear', () => {
  test('gives exactly the matches of running every rule, on every evaluation text', () => {
    const texts: string[] = [];
    for (const file of readdirSync(EVAL_DIR).filter((f) => f.endsWith('.json'))) {
      const data = readEval(file) as Record<string, Array<{ text?: string; turns?: string[] }>>;
      for (const key of ['items', 'risk', 'worries']) for (const item of data[key] ?? []) texts.push(item.text ?? '');
      // Every turn of the multi-turn sets too: answers are the shortest texts the rules read.
      for (const scenario of data.scenarios ?? []) texts.push(...(scenario.turns ?? []));
    }
    // v1 to v18 joined the corpus: the sets left, with the multi-turn turns, hold about 4,000 texts.
    expect(texts.length).toBeGreaterThan(3500);
    const filtered = new RiskDetector([], true);
    const every = new RiskDetector([], false);
    const differ = texts.filter((t) => JSON.stringify(filtered.detect(t)) !== JSON.stringify(every.detect(t)));
    expect(differ).toEqual([]);
  });
});
