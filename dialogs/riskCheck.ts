import { recognizeBoolean } from '@microsoft/recognizers-text-choice';
import { ActivityTypes, MessageFactory, type Activity } from 'botbuilder';
import type { RiskRoute, RouteContacts } from '../knowledge';
import { contactsWithOtherRoutes } from './riskResponse';
import { riskCheckAgain, riskCheckLabels, riskCheckLead, riskCheckPhrases, riskCheckQuestion, riskCheckWhy } from './wording';

// The graded answer when the triage says risk is possible, not clear: show the route's contacts
// at once and ask one direct question. "Yes" and "Not sure" get the full risk reply; "No"
// carries on with the contacts still on screen, and later messages are read more warily.

/**
 * "unclear": an acknowledgement ("ok", "thanks") that answers nothing; "asks-why": "what do you
 * mean?", "why are you asking?". Either way the question is asked again (after why it is asked).
 */
export type CheckAnswer = 'yes' | 'no' | 'not-sure' | 'unclear' | 'asks-why';

/** The question once more, on its own, after an answer that did not answer it (or with why it is asked). */
export function riskCheckAgainActivities(route: RiskRoute, why = false): Partial<Activity>[] {
  return [MessageFactory.suggestedActions([riskCheckLabels.yes, riskCheckLabels.no, riskCheckLabels.notSure], `${why ? riskCheckWhy : riskCheckAgain} ${riskCheckQuestion[route]}`)];
}

export function riskCheckActivities(rc: RouteContacts, also: readonly RouteContacts[] = []): Partial<Activity>[] {
  return [
    { type: ActivityTypes.Message, text: `${riskCheckLead}\n\n${contactsWithOtherRoutes(rc, also)}`, textFormat: 'markdown' },
    MessageFactory.suggestedActions([riskCheckLabels.yes, riskCheckLabels.no, riskCheckLabels.notSure], riskCheckQuestion[rc.route as RiskRoute]),
  ];
}

const clean = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The phrase, alone or with a word or two after it ("no thanks", "not sure tbh"); a sentence that starts with it is not an answer. */
const saysOneOf = (text: string, phrases: readonly string[]) =>
  phrases.some((p) => text === p || (text.startsWith(`${p} `) && text.split(' ').length - p.split(' ').length <= 2));

/** The answer to the check-in question in the person's own words, or undefined when it is not one. */
export function recogniseCheckAnswer(raw: string | undefined): CheckAnswer | undefined {
  const text = clean(raw ?? '');
  if (text === '') return undefined;
  // "Not sure" first: the recogniser reads "not sure" as yes, and it is an answer of its own.
  if (saysOneOf(text, riskCheckPhrases.notSure)) return 'not-sure';
  // Before the recogniser, which reads "ok" as yes.
  if ((riskCheckPhrases.unclear as readonly string[]).includes(text)) return 'unclear';
  // One word ("why", "what") only on its own: "what should i do" is a question of its own.
  const why = riskCheckPhrases.asksWhy as readonly string[];
  if (why.includes(text) || saysOneOf(text, why.filter((p) => p.includes(' ')))) return 'asks-why';
  if (saysOneOf(text, riskCheckPhrases.no)) return 'no';
  if (saysOneOf(text, riskCheckPhrases.yes)) return 'yes';
  const who = text
    .replace(/^(?:it'?s|its)\s+/, '')
    .replace(/^(?:my|our|his|their)\s+/, '')
    .replace(/^her\s+(?=\S)/, '');
  if ((riskCheckPhrases.namesSomeone as readonly string[]).includes(who)) return 'not-sure';
  // Only short replies are read as yes or no; a sentence is a new message, read afresh.
  if (text.split(' ').length > 6) return undefined;
  const found = recognizeBoolean(text, 'en-us')[0]?.resolution?.value;
  if (found === true) return 'yes';
  if (found === false) return 'no';
  return undefined;
}
