import type { Wording } from './types';
import { ageOptionsFor, listInWords, plainAboutNames, plainAccess, plainAgeNames } from './shared';

/** A resident asking for themselves. Short sentences, no jargon. */
export const residentWording: Wording = {
  audience: 'self',
  askWorry: "What's worrying you? Tell me in a few words, or pick a topic. Please don't type names.",
  worryRetry: "I'm not sure I understood. Can you say it in different words? Or pick a topic.",
  worryAfterWho: 'Thank you. And what is worrying you? A few words is enough, or pick a topic.',
  worryGiveUp: "I'm sorry, I couldn't work that out. A person can help. Here is who you can talk to.",
  askAbout: 'Who is the worry about?',
  aboutOptions: [
    { value: 'myself', label: 'Me', synonyms: ['me', 'myself', 'mine'] },
    { value: 'child', label: 'A child', synonyms: ['child', 'my child', 'son', 'daughter', 'kid'] },
    { value: 'adult', label: 'Another adult', synonyms: ['adult', 'partner', 'friend', 'neighbour'] },
    { value: 'older-person', label: 'An older person', synonyms: ['older', 'elderly', 'mum', 'dad', 'nan', 'grandad'] },
  ],
  askAge: (about) => (about === 'myself' ? 'How old are you?' : about === 'family' ? 'How old is your youngest child?' : about === 'child' ? 'How old is the child?' : 'How old are they?'),
  ageOptions: ageOptionsFor,
  skipQuestion: "That's OK. Let's skip that question.",
  clarify: (a, b) => `Is this more about ${a}, or ${b}?`,
  bothLabel: 'Both',
  found: (names) => `It sounds like this is about ${listInWords(names)}.`,
  level: (level, audience) => `The kind of help that may fit: **${level.plainName}**. ${(audience && level.summaryFor?.[audience]) ?? level.plainSummary}`,
  servicesIntro: 'These services may help. The best match is first.',
  acknowledgeLoss: "I'm so sorry for your loss.",
  acknowledgeHard: "I'm sorry things are so hard at the moment.",
  servicesAgain: 'Thank you, that helps. These services fit that best:',
  ifHappeningNow: 'If this is happening now, or someone is in danger, you can get help straight away:',
  noServices: (directoryName) => `I couldn't find a service that fits exactly. You can search ${directoryName} for help near you.`,
  access: plainAccess,
  whatNext: 'What would you like to do now?',
  // Also the answer to "what do I do now?" typed at this menu: where to start, and the ways on.
  whatNextRetry: 'A good place to start is the first service above: it fits best, and it says how to reach it. You can also talk to someone, or tell me about another worry in your own words.',
  aboutAService: (name, how) => `I'm sorry, I can't answer that: I only know what the cards above say. ${name} can tell you. ${how}`,
  menuClosed: 'No problem. You can type **start again**, **talk to someone**, or tell me about another worry at any time.',
  nextLabels: {
    another: 'Something else is worrying me too',
    handoff: 'Help me ask for support',
    talk: 'Talk to someone',
    restart: 'Start again',
    done: "That's all, thanks",
  },
  askAnother: "OK. What else is worrying you? Please don't type names.",
  goodbye: 'Thank you for talking to me. You can come back at any time. If someone is in immediate danger, call 999.',
  handoffIntro:
    'Some help comes through the council. You can ask for it with a form on the council website. It is called a Request for Service.',
  handoffIntroAdult:
    'Some extra help for adults comes through the council or your GP. A GP or another worker you trust can help you ask for it.',
  consentQuestion:
    'I can write a short summary for you to copy, or read out when you call, so you only tell your story once. It has no names in it. I will not send it anywhere. Would you like a summary?',
  consentYes: 'Yes, please',
  consentNo: 'No, thanks',
  summaryIntro: 'Here is your summary. You can copy it, or read it out when you call:',
  noSummary: "That's fine. I haven't written anything down.",
  portalLine: (url) => `Fill in the form here: ${url}`,
  summary: {
    heading: 'What I would like help with',
    worries: 'Worries',
    about: 'Who it is about',
    age: 'Age',
    level: 'Help that may fit',
    note: 'Written with the early help guide. Add anything else you want them to know.',
  },
  aboutNames: plainAboutNames,
  ageNames: plainAgeNames,
};
