import type { Wording } from './types';
import { residentWording } from './resident';

/** A young person: even shorter and plainer. They are the person the worry is about. */
export const youngPersonWording: Wording = {
  ...residentWording,
  audience: 'young-person',
  askWorry: "What's on your mind? Type a few words, or pick a topic. You don't need to give your name.",
  worryRetry: "Sorry, I didn't get that. Can you say it another way? Or pick a topic.",
  worryAfterWho: "Thanks. So what's worrying you? A few words is fine, like 'exams' or 'friends', or pick a topic.",
  worryGiveUp: "Sorry, I couldn't work that out. You can talk to someone. Here's who.",
  askAbout: 'Is this about you, or someone else?',
  aboutOptions: [
    { value: 'myself', label: 'Me', synonyms: ['me', 'myself'] },
    { value: 'child', label: 'A friend', synonyms: ['friend', 'mate', 'brother', 'sister', 'someone else'] },
    { value: 'family', label: 'My family', synonyms: ['family', 'parents', 'mum', 'dad'] },
  ],
  askAge: (about) => (about === 'myself' ? 'How old are you?' : 'How old are they?'),
  skipQuestion: "That's OK. We'll skip that.",
  clarify: (a, b) => `Is it more about ${a}, or ${b}?`,
  found: (names) => `Thanks for telling me. It sounds like this is about ${names.join(' and ')}.`,
  servicesIntro: 'These could help. Best match first.',
  acknowledgeLoss: "I'm really sorry. That's a lot to deal with.",
  acknowledgeHard: "Sorry things are hard right now.",
  servicesAgain: 'Thanks, that helps. These fit best:',
  ifHappeningNow: "If it's happening now, or you or someone else isn't safe, you can get help straight away:",
  whatNext: 'What next?',
  aboutAService: (name, how) => `Sorry, I don't know that. I only know what's on the cards. ${name} can tell you. ${how}`,
  nextLabels: {
    another: 'Something else is worrying me too',
    handoff: 'Help me ask for support',
    talk: 'Talk to someone',
    restart: 'Start again',
    done: "That's all",
  },
  askAnother: "OK. What else is on your mind?",
  goodbye: "Thanks for talking to me. Come back any time. If you're in danger, call 999. You can call Childline free on 0800 1111.",
  handoffIntro:
    'Some help comes through the council. An adult you trust, like a teacher or school nurse, can ask for you. Or you can fill in a form on the council website.',
  consentQuestion:
    'I can write a short summary for you to copy, so you only tell your story once. No names. I won\'t send it anywhere. Want one?',
  consentYes: 'Yes please',
  consentNo: 'No thanks',
  summaryIntro: 'Here it is. You can copy it or show it to an adult you trust:',
  noSummary: "OK. I haven't written anything down.",
  summary: { ...residentWording.summary, heading: 'What I would like help with', about: 'Who it is about' },
  aboutNames: { ...residentWording.aboutNames, myself: 'me (a young person)', child: 'a friend', family: 'my family' },
};
