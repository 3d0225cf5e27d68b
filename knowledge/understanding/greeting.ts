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
