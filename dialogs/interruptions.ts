import { plainText as normalise } from '../knowledge/understanding/plainText';
import { contactRequest } from '../knowledge/understanding/contactRequest';
import { interruptionPhrases } from './wording';

export { normalise };

export type Interruption = keyof typeof interruptionPhrases;

// Filler people wrap a command in: "can I start again please", "I want to talk to someone".
const FILLER = /^(?:(?:please|pls|can i|could i|can you|could you|i want to|i wanna|i'd like to|i would like to|let me|let's|lets|just|ok|okay|um|hi|hello)\s+)+|(?:\s+(?:please|pls|now|thanks|thank you))+$/g;

/**
 * Which always-available action a message asks for, if any. Commands must be the whole
 * message (give or take filler), so "I need to talk to someone about my son's drinking"
 * stays a worry; questions about whether this is a bot may sit inside a longer message.
 */
/**
 * The event the council's page leaves on (deployment/webchat/embed.js), as its own *Exit this
 * page* button does: sent when someone types "quick exit" or "exit", or presses a card's quick
 * exit button, in Web Chat.
 */
export const QUICK_EXIT_EVENT = 'earlyHelp.quickExit';

/** The words that leave the page at once; the other quick-exit words ("hide", "close") explain how instead. */
const LEAVE_AT_ONCE = ['quick exit', 'exit', 'exit this page', 'exit now'];

export function leavesAtOnce(text: string | undefined): boolean {
  return LEAVE_AT_ONCE.includes(normalise(text ?? ''));
}

export function recogniseInterruption(text: string | undefined): Interruption | undefined {
  if (!text) return undefined;
  const plain = normalise(text);
  if (!plain) return undefined;
  const core = plain.replace(FILLER, '').trim();
  for (const phrase of interruptionPhrases.realPerson) {
    if (plain === phrase || plain.includes(phrase)) return 'realPerson';
  }
  if (interruptionPhrases.privacy.some((phrase) => plain === phrase || plain.includes(phrase))) return 'privacy';
  for (const kind of ['restart', 'talk', 'help', 'quickExit', 'carryOn'] as const) {
    if ((interruptionPhrases[kind] as readonly string[]).some((p) => p === core || p === plain)) return kind;
  }
  return contactRequest(text) ? 'talk' : undefined;
}
