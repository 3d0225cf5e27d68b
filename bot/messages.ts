// What the hosting layer says to people. Plain English, short sentences; every message that
// stops a turn also says where to go in an emergency.

export const EMERGENCY_LINE = 'If someone is in immediate danger, call 999.';

export const WELCOME = [
  "Hello. I'm the Early Help Assistant, a guide to early help for families, children and young people.",
  "I'm a computer program, not a person, and I'm not an emergency service.",
  EMERGENCY_LINE,
].join(' ');

export const PLAIN_ANSWER = [
  "Thank you for your message. I can't suggest services yet, because this assistant is still being set up.",
  "If you are worried about a child's safety, contact your council's children's services.",
  EMERGENCY_LINE,
].join(' ');

export const TURN_ERROR = [
  'Sorry, something went wrong on my side and I had to start our conversation again.',
  'Please send your message again.',
  EMERGENCY_LINE,
].join(' ');

// Said when the store refused to save a turn (disk full, read-only): nothing was thrown away,
// the person's conversation is where it was before this message.
export const STORAGE_FAULT = [
  "Sorry, I couldn't save that just now because of a problem on our side.",
  'Our conversation so far is kept, but I may not remember your last message: please send it again in a few minutes.',
  EMERGENCY_LINE,
].join(' ');

export const ATTACHMENTS_ONLY = [
  "Sorry, I can't open files or pictures.",
  'Please tell me in a few words what you need help with.',
  EMERGENCY_LINE,
].join(' ');

export const NO_WORDS = [
  "Sorry, I can only understand words, not symbols or emoji on their own.",
  'Please tell me in a few words what you need help with.',
  EMERGENCY_LINE,
].join(' ');

export const EMPTY_MESSAGE = [
  "I didn't get a message.",
  'Please tell me in a few words what you need help with.',
  EMERGENCY_LINE,
].join(' ');

export const tooLong = (max: number): string =>
  [
    `Sorry, that message is too long for me to read: I can read up to ${max.toLocaleString('en-GB')} characters at a time.`,
    'Please send a shorter message, or split it into parts.',
    EMERGENCY_LINE,
  ].join(' ');
