import type { Guidance } from '../schema/pack';
import { plainText } from './plainText';

// A question about a piece of guidance ("what is the threshold for a request for service?", "do
// I need consent for an EHA?", "carers assessment?") is answered with that guidance at once,
// before any question of the bot's own: a practitioner in Teams asking about thresholds had been
// asked for their role, and a resident asking about consent was asked which of two topics
// their worry was about. The words each piece is asked about by are pack data (`askedAbout`).

/** Words that make a message a question when nothing else does (no question mark). */
const ASKING = /^(?:what|whats|what's|how|where|wheres|where's|when|who|which|why|can|could|do|does|did|is|are|should|would|will|may|tell me|explain|i need to know|i want to know|is there|are there|any)\b/;
/** A message this short that names a piece of guidance asks about it ("EHA form", "thresholds"). */
const SHORT_WORDS = 4;
/** At most this many pieces in one answer: a longer message names more in passing than it asks. */
const MOST = 2;

/**
 * The guidance a message asks about, the piece named first in it first; [] when it does not
 * ask (a statement that mentions consent is not a question about it).
 */
export function guidanceAskedAbout(text: string, guidance: readonly Guidance[]): Guidance[] {
  const plain = plainText(text);
  if (plain === '') return [];
  const asks = text.includes('?') || ASKING.test(plain) || plain.split(' ').length <= SHORT_WORDS;
  if (!asks) return [];
  const padded = ` ${plain.replace(/'/g, '')} `;
  const found: Array<{ piece: Guidance; at: number }> = [];
  for (const piece of guidance) {
    let at = Infinity;
    for (const term of piece.askedAbout) {
      const found = padded.indexOf(` ${term.replace(/'/g, '')} `);
      if (found >= 0 && found < at) at = found;
    }
    if (at < Infinity) found.push({ piece, at });
  }
  // What is asked about usually comes first: "what is the threshold for a request for service?"
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MOST)
    .map((f) => f.piece);
}
