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
