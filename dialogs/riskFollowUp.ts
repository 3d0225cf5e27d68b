import type { RouteContacts } from '../knowledge';
import { contactLine, contactLines } from './cards/contactText';
import { normalise } from './interruptions';
import { afterRisk, carryOnLabel, interruptionPhrases, riskCarryOnQuestion, startAgainLabel } from './wording';
import { ActivityTypes, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';

/** What a person says next after a risk reply, in the kinds that get their own answer. */
export type FollowUpKind = 'no-phone' | 'found-out' | 'safe-now' | 'under-18' | 'other';

const NO_PHONE = /\b(text|txt|texting|message|msg|chat|email|online|whatsapp|instead|no phone|can'?t (?:talk|speak|call|phone|ring)|cant (?:talk|speak|call|phone|ring)|(?:don'?t|dont) want to (?:call|phone|ring|talk|speak)|not (?:call|phone|ring))\b/;
const FOUND_OUT =
  /\b(find out|found out|will (?:he|she|they|anyone|my \w+) (?:know|find)|tell (?:anyone|my|the police|social)|confidential|secret|get (?:in|into) trouble|what (?:happens|will happen)|taken away|take (?:him|her|them|my \w+|the (?:kids|children|baby)) (?:away|off (?:me|us))|private)\b/;
const SAFE_NOW =
  /\b(?:i'?m|im|i am|we'?re|were|we are) (?:safe|ok|okay|fine|alright) now\b|\b(?:he'?s|she'?s|they'?re) gone\b|\b(?:he'?s|she'?s|hes|shes|he is|she is|they'?re|they are) (?:safe|safe now|ok now|okay now|fine now|alright now)\b/;

/** How many messages after a risk reply are read as follow-ups before the conversation goes on. */
export const FOLLOW_UP_TURNS = 3;

export function followUpKind(text: string): FollowUpKind {
  const t = normalise(text);
  if (SAFE_NOW.test(t)) return 'safe-now';
  if (NO_PHONE.test(t)) return 'no-phone';
  if (FOUND_OUT.test(t)) return 'found-out';
  return 'other';
}

/**
 * One of the risk reply's own buttons, or an always-available command ("carry on", "start
 * again", "help"): not a follow-up. Other buttons' labels are not: "me", "15" or "my mate" typed
 * after a crisis reply answers it (who it is about), and goes back to no menu.
 */
export function isCommand(text: string): boolean {
  const t = normalise(text);
  if ([carryOnLabel, startAgainLabel].some((label) => label.toLowerCase() === text.trim().toLowerCase())) return true;
  return Object.values(interruptionPhrases).some((phrases) => (phrases as readonly string[]).includes(t));
}

/** The answer to a follow-up: a line for what they said, the route's contacts that fit it, and the way on. */
export function followUpActivities(
  kind: FollowUpKind,
  rc: RouteContacts,
  /**
   * `noPhone`: the person said earlier that they cannot or will not phone, so later answers keep to
   * lines they can write to. `youngPerson`: a young person is writing, so their own lines come first.
   */
  options: { noPhone?: boolean; youngPerson?: boolean } = {},
): Partial<Activity>[] {
  if (kind === 'safe-now') return [MessageFactory.suggestedActions([carryOnLabel, startAgainLabel], afterRisk.safeNow)];
  let lead: string = afterRisk.stillHere;
  let contacts = rc.contacts;
  const shown = rc.contacts.filter((c) => c.method.kind !== 'phone');
  // A young person who cannot phone gets the lines for them first (Childline's chat), not the
  // council's referral form (a person test).
  const withoutCall = options.youngPerson
    ? [...rc.withoutACall, ...shown.filter((c) => !rc.withoutACall.some((w) => w.id === c.id))]
    : [...shown, ...rc.withoutACall.filter((c) => !shown.some((s) => s.id === c.id))];
  // A 14-year-old who could not ring ("he'll hear") and then said "ok" had the phone lines first again.
  if (options.noPhone && withoutCall.length > 0) contacts = withoutCall;
  if (kind === 'no-phone') {
    lead = withoutCall.length > 0 ? afterRisk.noPhone : afterRisk.noPhoneNone;
  } else if (kind === 'found-out') {
    lead = afterRisk.foundOut;
  } else if (kind === 'under-18') {
    lead = afterRisk.under18;
  }
  // Someone who will not phone is still told that 999 is there if they are in danger now; someone
  // afraid of what happens next is given the page that says, where the pack has one.
  const notes: string[] = [];
  if (kind === 'no-phone' || (options.noPhone && contacts === withoutCall)) notes.push(afterRisk.stillCall999);
  if (kind === 'found-out' && rc.whatHappens) notes.push(`${afterRisk.whatHappens}\n${contactLine(rc.whatHappens)}`);
  const after = notes.map((note) => `\n\n${note}`).join('');
  // Like the risk reply, in parts, the way back on its own last: a reply of one long message
  // opened at its end at 320 px (a person test), its first contact above the screen, because the
  // page stops scrolling once the first new message is in view.
  return [
    { type: ActivityTypes.Message, text: lead, textFormat: 'markdown' },
    { type: ActivityTypes.Message, text: `${contactLines(contacts)}${after}`, textFormat: 'markdown' },
    MessageFactory.suggestedActions([carryOnLabel, startAgainLabel], riskCarryOnQuestion),
  ];
}
