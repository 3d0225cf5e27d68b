import { plainText } from './plainText';

// "hey", "hi there", "good evening", "hello?": a greeting and nothing more. The bot greets back
// and asks its first question in other words, rather than repeating the welcome's question as if
// nothing had been said.
const GREETING = /^(?:(?:hi|hiya|hey|heya|hello|helo|hullo|hallo|yo|morning|evening|afternoon|good (?:morning|afternoon|evening)|alright|hi there|hey there|hello there)(?: (?:there|you|all|again|bot))? ?)+$/;

/** Whether the message is only a greeting. */
export function isGreeting(text: string): boolean {
  const t = plainText(text);
  return t !== '' && GREETING.test(t);
}

// "That is all, thank you for your help.", "no thats it thanks x", "brilliant, cheers": a goodbye
// and nothing more, however it is put. Only these words, and one that says thanks or goodbye.
const CLOSING_WORDS = new Set(
  `that thats that's is it all thank thanks you so much very for your the help helping helpful bye goodbye cheers ta ok okay
  great lovely brilliant perfect fab super no nothing else now really appreciate appreciated i x xx xxx good night ill i'll go
  leave there then for now`.split(/\s+/),
);
const SAYS_GOODBYE = /\b(?:thank|thanks|bye|goodbye|cheers|ta|that'?s all|thats all|that is all|that'?s it|thats it|that is it|good night)\b/;

/** Whether the message only closes the conversation. */
export function isGoodbye(text: string): boolean {
  const t = plainText(text);
  if (t === '' || t.split(' ').length > 14 || !SAYS_GOODBYE.test(t)) return false;
  return t.split(' ').every((word) => CLOSING_WORDS.has(word));
}

// "Good morning. My wife has dementia ... and finding it very hard": a greeting before a worry,
// and how hard it is, said in passing. A person test found neither answered.
const GREETING_FIRST = /^(good (?:morning|afternoon|evening)|hello|hiya|hi|hey)\b/;
const SOUNDS_HARD =
  /\b(?:finding (?:it|things|everything) (?:very |really |so |quite )?(?:hard|difficult|tough)|struggling|not coping|can'?t cope|cannot cope|worn out|exhausted|knackered|at the end of my tether|at breaking point|overwhelmed|falling apart|at my wits end)\b/;

/**
 * A death told in the message ("my late wife", "since she passed in March", "my dad died last
 * month"): said back with sorrow before anything else (a widower's first reply had been "Good
 * afternoon." and "Who is the worry about?"). A pet's death is a loss too.
 */
export function soundsLikeLoss(text: string): boolean {
  return LOSS.test(plainText(text));
}
const LOSS =
  /\b(?:my late (?:wife|husband|partner|mum|mother|dad|father|son|daughter|brother|sister)|(?:he|she|they) (?:passed|passed away|died)|(?:passed away|has died|have died|had died|died) (?:in|last|this|a|on|suddenly|recently)|lost my (?:wife|husband|partner|mum|mother|dad|father|son|daughter|baby|brother|sister|nan|grandad|gran)|bereaved|bereavement)\b/;

/** The greeting a message opens with, in its own words ("good morning"), or undefined. */
export function openingGreeting(text: string): string | undefined {
  return GREETING_FIRST.exec(plainText(text))?.[1];
}

/** Whether the message says, in passing, how hard things are ("worn out", "finding it very hard"). */
export function soundsHard(text: string): boolean {
  return SOUNDS_HARD.test(plainText(text));
}
