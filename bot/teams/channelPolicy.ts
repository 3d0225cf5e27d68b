import { MAX_MESSAGE_CHARACTERS } from '../middleware/inputGuard';
import type { TeamsTurn } from './activity';

// How the bot behaves where other people can read its replies (a team channel or a group
// chat). A practitioner should not discuss a named child there, so the bot keeps answers
// short, says so, and offers a private chat. Nothing here stops a risk reply: contacts are
// always shown in full.

export type IdentifyingDetail = 'a name' | 'a date of birth' | 'a postcode' | 'a phone number' | 'an email address';

/** How many cards one reply may carry in a shared conversation. */
export const SHARED_MAX_CARDS = 2;

// Words that, followed by a capitalised word, usually introduce a person's name:
// "a child called Amy", "my pupil Jack", "Mrs Smith".
const NAME_LEAD =
  /\b(?:called|named|name is|known as|pupil|student|child|son|daughter|boy|girl|baby|brother|sister|mum|mother|dad|father|carer|client|patient|tenant|Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+([A-Z][a-z'’-]{1,})/;
// "Jack, 7," or "Jack (aged 7)" or "Jack aged 7".
const NAME_AGE = /\b([A-Z][a-z'’-]{1,})\s*(?:,\s*\d{1,2}\s*(?:,|\b(?:years?|yrs?)\b)|\(\s*(?:aged?\s*)?\d{1,2}\s*\)|\s+aged?\s+\d{1,2}\b)/;
const NOT_NAMES = new Set(['I', 'He', 'She', 'They', 'We', 'You', 'It', 'The', 'A', 'An', 'My', 'Our', 'Their', 'His', 'Her', 'This', 'That', 'Year', 'Reception', 'School', 'Team']);

const DATE_OF_BIRTH = /\b(?:dob|d\.o\.b\.?|date of birth|born(?: on)?)\b|\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}\b/i;
// UK postcodes: "BA1 1AA", "ba2 3qq".
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const PHONE = /(?:\+44\s?|\b0)(?:\d\s?){9,10}\b/;
// Tried on each word alone, and only on words an address could be (at most 254 characters, RFC
// 5321): on a long run of text without spaces the pattern would backtrack from every start, and
// one 60 KB message held the event loop for seconds.
const EMAIL = /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/i;
const MAX_EMAIL_WORD = 260; // an address, and brackets or a full stop around it
const hasEmail = (text: string) => text.split(/\s+/).some((word) => word.length <= MAX_EMAIL_WORD && word.includes('@') && EMAIL.test(word));

function looksLikeName(match: RegExpMatchArray | null): boolean {
  return match !== null && !NOT_NAMES.has(match[1]);
}

/**
 * How much of a message is read for details. Four times what the bot answers at all (longer
 * messages get "that is too long"), so no real message is cut, and a hostile megabyte costs what
 * this much does.
 */
export const DETAIL_SCAN_CHARACTERS = 4 * MAX_MESSAGE_CHARACTERS;

/** Details in a message that could identify a person; [] when none are seen. Heuristic: it errs towards warning. */
export function identifyingDetails(fullText: string): IdentifyingDetail[] {
  const text = fullText.slice(0, DETAIL_SCAN_CHARACTERS);
  const found: IdentifyingDetail[] = [];
  if (looksLikeName(text.match(NAME_LEAD)) || looksLikeName(text.match(NAME_AGE))) found.push('a name');
  if (DATE_OF_BIRTH.test(text)) found.push('a date of birth');
  if (POSTCODE.test(text)) found.push('a postcode');
  if (PHONE.test(text)) found.push('a phone number');
  if (hasEmail(text)) found.push('an email address');
  return found;
}

export interface ChannelPolicyInput {
  /** The message text after mentions were removed. */
  text: string;
  /** Risk was indicated in this turn. */
  risk: boolean;
  /** The general notice was already given in this conversation (channel thread or group chat). */
  noticeGiven: boolean;
}

export interface ChannelPolicy {
  /** Other people can read the replies. */
  shared: boolean;
  /** Most cards per reply; Infinity when unlimited. */
  maxCards: number;
  /** What to add after the bot's replies, if anything. */
  notice?: { kind: 'general' | 'identifying' | 'risk'; identifying: IdentifyingDetail[] };
  /** Offer the button that opens a private chat with the bot. */
  offerPrivateChat: boolean;
}

export function channelPolicy(turn: TeamsTurn, input: ChannelPolicyInput): ChannelPolicy {
  if (!turn.shared) return { shared: false, maxCards: Infinity, offerPrivateChat: false };
  const identifying = identifyingDetails(input.text);
  let notice: ChannelPolicy['notice'];
  if (input.risk) notice = { kind: 'risk', identifying };
  else if (identifying.length > 0) notice = { kind: 'identifying', identifying };
  else if (!input.noticeGiven) notice = { kind: 'general', identifying };
  return {
    shared: true,
    // Safety first: a risk reply is never cut short.
    maxCards: input.risk ? Infinity : SHARED_MAX_CARDS,
    notice,
    offerPrivateChat: true,
  };
}
