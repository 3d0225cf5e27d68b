import type { Audience, RiskRoute } from '../../knowledge/vocabulary';
import type { PractitionerRole } from '../profile';
import type { Option, TopicLabels } from './types';

// Text every audience sees: the welcome, the first question and the things a person can
// say at any moment. Plain words first; reading age about 9 to 11.

/**
 * The one promise about keeping what people type, for the page around the chat: the same hours
 * as the welcome (RETENTION_HOURS), and the chat page's own, shorter, idle time.
 */
export function retentionPromise(retentionHours: number, idleMinutes: number): string {
  return `What you type is deleted ${retentionHours} hours after your last message, and the chat on this page is cleared ${idleInWords(idleMinutes)} after it goes quiet. Nothing is stored in your browser.`;
}

export function welcomeLines(councilName: string, retentionHours: number): string[] {
  return [
    `Hello. I'm a guide to early help in ${councilName}. I can help you find support for a worry about yourself, your family or a child.`,
    "I'm a computer program, not a person. I'm not an emergency service. **If someone is in immediate danger, call 999.**",
    `I don't keep your name or anything that identifies you. What you type here is deleted after ${retentionHours} hours. Please don't type names or addresses.`,
  ];
}

export const practitionerFirstQuestion =
  'Describe a concern in a sentence or two, leaving out names, and I will match it to the priority groups, the level of need and local services. Or type **help**.';
export const whoIsAsking = 'Who is asking? Or just tell me what is worrying you.';
// After a bare "hi": greeted back, then the welcome's question put another way. The greeting is a
// message of its own, so the question reads right when it is asked again later.
export const helloBack = 'Hello.';

/** A greeting said back in the person's own time of day ("Good morning."), or hello. */
export function greetBack(greeting: string): string {
  return /^good (morning|afternoon|evening)$/.test(greeting) ? `${greeting[0].toUpperCase()}${greeting.slice(1)}.` : helloBack;
}
export const whoIsAskingAfterHello = "What's on your mind? Tell me in your own words, or pick who is asking.";
// Asked again differently, with the options in words: a typed answer works as well as a button.
export const whoIsAskingRetry = "Sorry, I didn't quite get that. Are you asking for yourself, as a parent or carer, as a young person, or for work? Or just tell me what's worrying you.";
export const whoIsAskingGiveUp = "That's fine. I'll ask in a simple way, and we can go from there.";

export const audienceOptions: Option<Audience>[] = [
  { value: 'self', label: "I'm asking for myself", synonyms: ['myself', 'me', 'for me', 'resident', 'for myself'] },
  { value: 'parent-carer', label: "I'm a parent or carer", synonyms: ['parent', 'carer', 'mum', 'dad', 'guardian', 'foster carer', 'grandparent'] },
  { value: 'young-person', label: "I'm a young person", synonyms: ['young person', 'teenager', 'teen', 'student', 'pupil', 'child'] },
  { value: 'practitioner', label: "I'm a professional", synonyms: ['professional', 'practitioner', 'teacher', 'health visitor', 'gp', 'doctor', 'youth worker', 'housing officer', 'social worker', 'nurse', 'worker', 'for work', 'through work', 'work for the council'] },
];

/** Said before a question asked again, when the question has no retry wording of its own. */
export const notUnderstoodLead = "Sorry, I didn't quite get that. You can answer in your own words or use a button, or type help.";

export const askRole = 'Thank you. What is your role?';
export const askRoleRetry = 'Please pick the role closest to yours, or choose "Other professional".';
export const roleOptions: Option<PractitionerRole>[] = [
  { value: 'teacher', label: 'Teacher or school staff', synonyms: ['teacher', 'school', 'senco', 'dsl', 'head teacher', 'teaching assistant'] },
  { value: 'health-visitor', label: 'Health visitor', synonyms: ['health visitor', 'hv', 'midwife', 'school nurse'] },
  { value: 'gp', label: 'GP or health', synonyms: ['gp', 'doctor', 'nurse', 'health'] },
  { value: 'youth-worker', label: 'Youth worker', synonyms: ['youth worker', 'youth'] },
  { value: 'housing-officer', label: 'Housing officer', synonyms: ['housing', 'housing officer'] },
  { value: 'other', label: 'Other professional', synonyms: ['other', 'social worker', 'police', 'voluntary sector'] },
];

/** Words people use to ask for each always-available action. Matched on whole words after light cleaning. */
export const interruptionPhrases = {
  help: ['help', 'help me', 'what can you do', 'what can i say', 'how does this work', 'menu', 'options'],
  restart: ['start again', 'restart', 'start over', 'begin again', 'reset', 'new start', 'start from the beginning'],
  talk: ['talk to someone', 'speak to someone', 'talk to a person', 'speak to a person', 'talk to a human', 'speak to a human', 'call someone', 'phone someone', 'contact someone', 'human', 'agent', 'talk to someone else'],
  quickExit: ['quick exit', 'exit', 'exit this page', 'exit now', 'leave', 'leave quickly', 'hide', 'get out', 'close', 'escape'],
  realPerson: ['are you a real person', 'are you real', 'is this a bot', 'are you a bot', 'are you human', 'is this a person', 'am i talking to a person', 'are you a robot', 'is this a real person', 'is this real', 'am i talking to a bot', 'are you a computer'],
  carryOn: ['carry on', 'continue', 'go on', 'keep going', 'back to where i was'],
  // Found inside a longer message, like realPerson: "who reads what i type here?"
  privacy: ['who reads', 'who can read', 'who can see what i', 'who sees what i', 'who will see this', 'who sees this', 'is this private', 'is this confidential', 'is this anonymous', 'what happens to what i type', 'what happens to what i write', 'do you keep what i', 'do you store', 'do you record', 'does anyone read', 'will anyone read', 'will this go on a file', 'will this go on my record', 'does this go on', 'do you tell anyone', 'will you tell anyone', 'does it tell anyone', 'does this tell anyone', 'does this tool tell', 'does it notify', 'do you notify', 'will you tell social services', 'do you pass this on', 'do you share', 'is this shared', 'share what i type', 'who do you share'],
} as const;

/**
 * "Who reads what I type here?": the answer, from the same settings as the welcome and the
 * privacy page. The bot never tells anyone anything: it gives the numbers, and the person decides.
 */
export function privacyAnswer(options?: { retentionHours: number; logMessageText: boolean }, privacyPage = false): string {
  return [
    options?.logMessageText
      ? "I'm a computer program. The council has turned on a record of what is typed here, to check the service works well, so please don't type names or addresses."
      : "I'm a computer program. Nobody reads what you type here, and your words are not written into any record or log.",
    `I keep only your answers to my questions (who is asking, an age group and the topics), not your words, and they are deleted ${options ? `${options.retentionHours} hours after your last message` : 'soon after the chat ends (the privacy page says when)'}.`,
    "I don't tell anyone anything or pass anything on. If someone may not be safe, I show you who to contact, and you decide.",
    // Words, not a link: the chat's markdown drops a link to a page on the same site.
    ...(privacyPage ? ['The link "How your information is used", at the foot of this page, says more.'] : []),
  ].join('\n\n');
}

/** Before the contacts, when someone asks for a way to reach someone without a call. */
export const talkByText = 'You can text or type instead of calling. These are free:';

export function helpText(audience?: Audience): string {
  const lead =
    audience === 'practitioner'
      ? 'I help you match a concern to the early help priority groups, the level of need and local services, and I point you to the right guidance.'
      : audience === 'young-person'
        ? 'I help you find support for something that is worrying you.'
        : 'I help you find support for a worry. I ask a few short questions, then show services that may help.';
  return [
    lead,
    'You can type these at any time:',
    '- **start again**: go back to the beginning',
    '- **talk to someone**: phone numbers and opening hours',
    '- **quick exit**: how to leave this page fast',
    '',
    'If someone is in immediate danger, call 999.',
  ].join('\n');
}

export const backToQuestion = "Let's carry on from where we were.";

export const realPersonText =
  "No, I'm not a real person. I'm a computer program that helps you find early help. I can't see or judge you, and I don't make decisions about you. If you want to talk to a person, type **talk to someone**.";

export function quickExitText(channelId: string): string {
  const button =
    channelId === 'webchat' || channelId === 'directline'
      ? 'Select **Exit this page** at the top of the page, or press the Shift key 3 times. It takes you straight to a different website.'
      : 'Close this window or app.';
  return [
    'To leave quickly:',
    `- ${button}`,
    '- Afterwards, clear your browser history, or use a private window next time, so no one can see you were here.',
    '- On a shared phone or computer, also clear recent apps or downloads.',
    '',
    'If you want to carry on, just answer the last question.',
  ].join('\n');
}

export const talkIntroOpen = 'You can talk to a person. These are open now:';
export const talkIntroClosed = 'The council office is closed right now. These can still help:';
/** "Talk to someone" when the worry is about an adult (a husband cared for, the writer's own). */
export const talkAdultCare = "For an adult's care and support, or if you are worried an adult is being harmed, the council's adult social care team:";
export const talkHowYouFeel = 'To talk to someone about how you feel, at any time:';
export const talkOfficeHours = (hours: string) => `The children's front door is open ${hours}.`;

export const restarting = "OK, let's start again.";
export const badSubmit =
  "Sorry, I couldn't read that button. Nothing has been lost. Please try again, or type what you want to do.";
export const unknownTopic = "I'm not sure I understood. You can pick a topic below or tell me in different words.";

/** After the safety contacts: calm, and a way back into the conversation. */
export const riskCarryOnQuestion =
  'When you are ready, you can carry on here, or start again. You can come back to these numbers at any time.';
export const carryOnLabel = 'Carry on';
export const startAgainLabel = 'Start again';
/** "Who is the worry about?" asked again, shorter, after an answer that did not say (a worry typed instead is kept). */
export const askAboutAgain = 'Thank you. Is this about you, or about someone else?';
export const nothingToCarryOn = "OK. Let's carry on.";

/** After guidance asked about at the start: what else the bot can do, with no question of its own. */
export function guidanceFollowUp(audience: Audience | undefined): string {
  return audience === 'practitioner'
    ? 'You can ask me about other guidance (thresholds, consent, the Early Help Assessment, the Request for Service portal), or describe a concern and I will match it to the priority groups and services.'
    : 'If you would like, tell me in your own words what is worrying you, and I will find services that could help.';
}

/** Short button labels for the topics list, one per priority group. */
export const topicLabels: TopicLabels = {
  'early-years-funding': 'Free childcare or school meals',
  'school-attendance': 'School or not going to school',
  'adverse-childhood-experiences': 'Hard things from childhood',
  'crime-antisocial-behaviour': 'Crime or the police',
  'financial-exclusion': 'Money or work',
  neet: 'Not in school, college or work',
  'domestic-abuse': 'Being hurt or controlled at home',
  'parental-conflict': 'Arguing at home or a break-up',
  transitions: 'Big changes',
  'physical-health-disability': 'Health or disability',
  'substance-misuse': 'Drink or drugs',
  exploitation: 'Being pressured or used',
  'mental-health': 'Feeling low or worried',
  bullying: 'Bullying or online abuse',
  'new-parents': 'New baby or young parent',
  housing: 'Housing',
  'social-isolation': 'Feeling lonely',
  bereavement: 'Someone has died',
  carers: 'Looking after someone',
  'bame-communities': 'Race or culture',
  'learning-difficulties-autism': 'Learning difficulties or autism',
};

/**
 * The check-in when risk is possible but not clear: the route's contacts first, then one
 * direct, kind question (C-SSRS style for crisis). Asking directly does not put the idea
 * in someone's head; it tells them they can say it.
 */
// "Safety comes first", not "your safety": the check-in is also asked of a parent or a practitioner about a child.
export const riskCheckLead = 'I want to check I have understood you, because safety comes first. These people can help, and each line says when it is open:';
export const riskCheckQuestion: Record<RiskRoute, string> = {
  emergency: 'Is someone in danger right now?',
  crisis: 'Are you thinking about ending your life, or about hurting yourself?',
  'safeguarding-child': 'Is a child being hurt, or in danger?',
  'safeguarding-adult': 'Is someone being hurt, neglected or taken advantage of?',
  'domestic-abuse': 'Is someone hurting you, frightening you or controlling you?',
};
export const riskCheckLabels = { yes: 'Yes', no: 'No', notSure: 'Not sure' } as const;
/** Said after "No": the concern is not closed, and the numbers stay on screen. */
export const riskCheckDeclined = 'Thank you for telling me. The numbers above are still there if you need them, now or later.';
/** Typed answers to the check-in, beside what the yes/no recogniser knows. */
export const riskCheckPhrases = {
  notSure: ['not sure', 'dont know', "don't know", 'idk', 'i dunno', 'dunno', 'maybe', 'possibly', 'kind of', 'sort of', 'a bit', 'i think so', 'sometimes', 'not really sure'],
  yes: ['yeah', 'ya', 'yh', 'yea', 'yes please', 'i am', 'i think i am', 'it is', 'they are', 'he is', 'she is'],
  no: ['nah', 'na', 'no thanks', 'not really', 'no im ok', "i'm ok", 'im ok', 'im fine', "i'm fine", 'i am fine', 'i am ok', 'all good'],
  /**
   * Who, said alone ("dad", "my stepdad", "mums boyfriend"): naming the person is an answer to "Is
   * a child being hurt?" that is not a no. Read as "not sure", so the full contacts are given (a
   * 12-year-old's "dad" at the check-in had been read as a new message and met with "I'm not sure I
   * understood"; multi-turn hold-out v19).
   */
  namesSomeone: [
    'dad', 'stepdad', 'step dad', 'mum', 'mom', 'stepmum', 'step mum', 'mums boyfriend', "mum's boyfriend", 'mums partner', "mum's partner",
    'dads girlfriend', "dad's girlfriend", 'dads partner', "dad's partner", 'boyfriend', 'girlfriend', 'partner', 'husband', 'wife', 'ex',
    'brother', 'sister', 'stepbrother', 'step brother', 'uncle', 'aunt', 'auntie', 'cousin', 'grandad', 'grandpa', 'nan', 'gran', 'grandma',
    'carer', 'teacher', 'coach', 'neighbour', 'son', 'daughter', 'him', 'her', 'them',
  ],
  /** Acknowledgements that answer nothing: the question is asked once more. */
  unclear: ['ok', 'okay', 'k', 'kk', 'ok then', 'okay then', 'right', 'fine', 'alright', 'thanks', 'thank you', 'thx', 'ty', 'cheers', 'hmm', 'hm', 'um', 'oh', 'ah', 'i see', 'whatever'],
  /** Asking what the question means or why it was asked: the bot says why, then asks again. */
  asksWhy: [
    'what do you mean', 'what does that mean', 'wdym', 'wym', 'what', 'huh', 'eh', 'pardon', 'sorry what',
    'why', 'why do you ask', 'why are you asking', 'why are you asking me that', 'why would you ask that', 'why u asking', 'why you asking',
    'i dont understand', "i don't understand", 'i dont get it', "i don't get it", 'what are you on about',
  ],
} as const;
/** Before the check-in question again, when the person asked why it was asked. */
export const riskCheckWhy =
  'I asked because something you wrote can be a sign that someone is not safe, and I would rather check than miss it. I am a computer program, so asking is the only way I can be sure.';
/**
 * Replies that say yes, no, thanks or "show me" and nothing else: an answer to the bot, with no
 * worry of its own in it. The risk gate reads them with the rules only, like a button label: the
 * model has too few words to judge by and read "yes show me" as a little risky (multi-turn v7
 * and v8, where it brought a crisis check-in after an ordinary conversation).
 */
export const plainReplies = [
  'yes please', 'yes show me', 'yes please show me', 'yes show me please', 'show me', 'show me please', 'please show me',
  'show me the services', 'yes go on', 'yeah go on', 'go on then', 'go ahead', 'yes go ahead', 'sure', 'yes sure', 'yep', 'yup',
  'yeah', 'yeah please', 'yes thanks', 'yes thank you', 'ok thanks', 'okay thanks', 'ok thank you', 'sounds good', 'that would be great',
  'that would help', 'lovely', 'lovely thanks', 'great thanks', 'brilliant', 'perfect', 'no thanks', 'no thank you', 'not now', 'ta',
  ...riskCheckPhrases.unclear,
] as const;
/** After the notice in another language: the same, in English. */
export const otherLanguageEnglish =
  'I can only understand English. If you can, please write in English. When you phone the council or a service, you can ask for an interpreter. In an emergency, call 999.';
/** The same, when the contacts for anyone in danger are shown above it. */
export const otherLanguageEnglishWithContacts =
  'I can only understand English. If you can, please write in English. When you phone the council or a service, you can ask for an interpreter. If you or someone else is in danger, the contacts above can help now. In an emergency, call 999.';
/** Before the check-in question when it is asked a second time. */
export const riskCheckAgain = 'I want to be sure I understand, so I will ask once more.';
/** After "No" to the check-in when no question was waiting. */
export const riskCheckCarryOn = 'What would you like help with? You can tell me in your own words.';

/**
 * After a risk reply, answers to what people most often say next, so the conversation stays
 * with them instead of going back to a menu. No claim about what a service will do: only what
 * this bot does, and an invitation to ask them.
 */
/** Lines of the full risk reply around its contacts. */
export const riskReplyNotes = {
  outOfHours: 'The council office is closed right now (evenings, weekends and bank holidays). The contacts below are the ones to use now.',
  safetyScreen: 'If someone might see this screen, type **quick exit** to find out how to leave fast.',
  also: 'These may help too:',
} as const;

export const afterRisk = {
  noPhone: "You don't have to phone. These can be reached without a call:",
  noPhoneNone: 'These are the right people for this. Their details say when and how you can reach them:',
  stillCall999: "If you or someone else is in danger right now, please still call 999. If you can't speak, call 999 and then press 55 when asked.",
  foundOut:
    "I'm a computer program. I don't tell anyone, and I don't keep your name. You can ask the people on these lines what they will do with what you tell them before you say more:",
  whatHappens: 'What happens after someone reports a worry is set out here:',
  safeNow: "I'm glad to hear that. The numbers above are still there if you need them. When you're ready, you can carry on.",
  under18: 'Thank you for telling me. For someone under 18, these are the right people, and you can contact them now:',
  stillHere: "I'm still here. I'm a computer program, so I can't talk it through like a person can, but these people can, and you can contact them now:",
} as const;

/**
 * The privacy page (/privacy on the website channel), made from the same settings as the
 * welcome's and the footer's promise, so the three never disagree. Each section is true of every
 * store the bot writes to: conversation state (lowdb or Azure Blob storage), the website's chat
 * transcripts (in the server's memory), and the logs.
 */
export function privacySections(options: {
  councilName: string;
  retentionHours: number;
  /** RETENTION_SWEEP_MINUTES: how often the deletion runs. */
  sweepMinutes: number;
  idleMinutes: number;
  /** LOG_MESSAGE_TEXT: an operator may turn on logging of what is typed, to check the service. */
  logMessageText: boolean;
  /** The chat is carried by Microsoft's Azure Bot Service (Direct Line) rather than by this server. */
  azureDirectLine: boolean;
  /** The council's page on how it handles personal data (the pack's privacyNotice). */
  privacyNoticeUrl?: string;
}): Array<{ heading: string; paragraphs: string[] }> {
  const rights = options.privacyNoticeUrl
    ? [
        {
          heading: 'Asking about your data',
          paragraphs: [`The council's privacy notices say how it uses personal data: ${options.privacyNoticeUrl}`],
        },
      ]
    : [];
  return [
    {
      heading: 'Who runs this assistant',
      paragraphs: [
        `The council for ${options.councilName} runs this assistant. It is a computer program, not a person, and it is not an emergency service. If someone is in immediate danger, call 999.`,
      ],
    },
    {
      heading: 'What it keeps while you chat',
      paragraphs: [
        'Your answers to its questions: who is asking, who the worry is about, an age or age group, and the topics it understood. It also keeps a number for how worried it should be about anyone\'s safety, so that it can take more care later in the chat. It does not keep the words you type with these answers.',
        options.azureDirectLine
          ? "The chat itself is carried by Microsoft's Azure Bot Service, so Microsoft's terms for that service apply to what you type too."
          : 'So that the chat page can show your conversation, the messages you send and the replies are held in the memory of the council\'s server, not on a disk.',
      ],
    },
    {
      heading: 'How long it is kept',
      paragraphs: [
        `Your answers are deleted ${options.retentionHours} hours after your last message (the service checks every ${options.sweepMinutes} minutes).`,
        options.azureDirectLine ? 'Close the chat page to end the chat.' : `The chat is cleared from the server ${idleInWords(options.idleMinutes)} after it goes quiet.`,
      ],
    },
    {
      heading: 'On your device',
      paragraphs: ['Nothing is stored in your browser: no cookies, and nothing in its storage. There is no tracking, analytics or advertising on this page.'],
    },
    {
      heading: 'What the service records',
      paragraphs: [
        options.logMessageText
          ? 'The council has turned on a record of the messages typed here, to check the service is working well. What you type is kept in the service\'s logs for as long as the council keeps its logs. Please do not type names, addresses or other details that identify anyone.'
          : 'The service keeps a record that a message arrived, how long the reply took and what kind of help was offered (for example, which safety rules matched). It never records what you type. The chat\'s own identifier is scrambled in that record, so it cannot be traced back to you.',
      ],
    },
    ...rights,
  ];
}

function idleInWords(idleMinutes: number): string {
  return idleMinutes >= 60 && idleMinutes % 60 === 0 ? `${idleMinutes / 60} hour${idleMinutes === 60 ? '' : 's'}` : `${idleMinutes} minutes`;
}
