import { plainText } from './plainText';

// A short question asking for someone to contact, typed wherever the bot is waiting: "is there
// someone i can text", "is there a phone number I can ring", "who can I talk to". Tried as a
// person would, both were met with "A good place to start is the first service above". A worry
// that mentions talking ("I need to talk to someone about my son's drinking") is not one: it
// names what it is about, and is read as the worry.

/** Whether the person asks for someone to text (or type to), or for someone to call or talk to. */
export type ContactRequest = 'text' | 'talk';

const ASKING = /^(?:(?:hi|hello|ok|okay|so|and|but|um|please|sorry|just)\s+)*(?:is there|are there|can i|could i|who can i|who do i|where can i|how can i|how do i|do you have|have you got|is it possible to|any|anyone|anybody|someone|somebody|i need|i want|i would like|id like|need|want)\b/;
const TEXT = /\b(?:text|txt|texting|message|msg|chat|email|type|whatsapp)\b/;
const TALK = /\b(?:ring|call|phone|phone number|number|helpline|talk|speak|someone|somebody|a person|a human)\b/;
/** What it is about, or more than a question: then it is a worry. */
const ABOUT = /\b(?:about|because|cos|coz|since|my (?:son|daughter|child|partner|husband|wife|mum|dad|kids?)|he|she|they)\b/;

export function contactRequest(text: string): ContactRequest | undefined {
  const t = plainText(text);
  if (t === '' || t.split(' ').length > 12 || !ASKING.test(t) || ABOUT.test(t)) return undefined;
  if (TEXT.test(t)) return 'text';
  return TALK.test(t) ? 'talk' : undefined;
}
