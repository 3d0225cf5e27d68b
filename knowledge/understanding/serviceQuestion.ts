import { plainText } from './plainText';

// A question about the services just shown, typed at the menu after them: "is it 15 hours? my
// friend said 30", "do they do evenings", "is there a waiting list?", "how do I apply, is it
// online?". The bot cannot answer it (it knows only what the cards say), but the service can; in
// multi-turn hold-out v18, replies like these had been met with the menu's "a good place to
// start is the first service above" three times, then the menu closed, and the next one was read
// as a first message (a parent's "is it 15 hours?" got the check-in for a child in danger).

const QUESTION_START =
  /^(?:(?:ok|okay|right|thanks|cheers|and|but|so|sorry|hi)\s+)?(?:is|are|do|does|did|can|could|will|would|how|what|when|where|who|which|have|has|should|am i)\b/;
/** Words that make a question about a service rather than about a worry. */
const SERVICE_WORDS = new RegExp(
  `\\b(?:${[
    'they', 'them', 'it', 'this one', 'that one', 'the first one', 'the second one', 'the last one', 'one',
    'service', 'services', 'group', 'groups', 'hub', 'team', 'club', 'centre', 'center', 'nursery', 'nurseries', 'course', 'courses',
    'class', 'classes', 'clinic', 'app', 'website', 'site', 'line', 'helpline', 'number', 'place', 'places', 'charity',
    'hours', 'wait', 'waiting', 'waiting list', 'cost', 'costs', 'pay', 'free', 'refer', 'referral', 'apply', 'application', 'eligible',
    'open', 'opening', 'evening', 'evenings', 'weekend', 'weekends', 'online', 'phone', 'ring', 'email', 'address', 'book', 'booking',
    'appointment', 'far', 'near', 'nearest', 'local', 'cover', 'covers', 'take', 'accept', 'form', 'sign up', 'join', 'visit',
  ].join('|')})\\b`,
);
/**
 * A fear of what a service will do ("will they take my kids if I ring?", "will it go on a file?")
 * is not a question for the card: it is answered as what early help is, elsewhere.
 */
const FEAR = /\b(?:take (?:my|the|our|her|his) (?:kids|children|child|baby|son|daughter|boy|girl)|take (?:them|him|her) (?:away|off)|find out|get (?:in|into) trouble|on (?:a|my|the) file|tell (?:anyone|social services|the police|my)|social services|police|arrest)\b/;
/** Longer than this, a message is telling something, not asking about a card. */
const QUESTION_WORDS = 25;

/** Whether the message asks about a service shown (its hours, cost, waiting list, how to get it). */
export function asksAboutAService(text: string): boolean {
  const t = plainText(text);
  if (t === '' || t.split(' ').length > QUESTION_WORDS) return false;
  const asks = text.includes('?') || QUESTION_START.test(t);
  return asks && SERVICE_WORDS.test(t) && !FEAR.test(t);
}

/**
 * The service a question names, by the words of the services' names it shares ("the walking
 * group", "is the family hub the one on the high street?"): its index, or 0 (the best match) when
 * none is named.
 */
export function serviceNamedIn(text: string, names: readonly string[]): number {
  const words = new Set(plainText(text).split(' ').filter((w) => w.length > 3 && !COMMON.has(w)));
  let best = 0;
  let most = 0;
  names.forEach((name, i) => {
    const shared = plainText(name).split(' ').filter((w) => words.has(w)).length;
    if (shared > most) {
      most = shared;
      best = i;
    }
  });
  return best;
}
const COMMON = new Set(['support', 'service', 'services', 'help', 'with', 'your', 'their', 'them', 'they', 'this', 'that', 'there', 'what', 'when', 'where', 'does', 'have', 'from', 'about', 'local', 'people', 'families', 'and']);
