// How much of a long message the risk check reads, and in what pieces. Every regex and the
// model see at most WINDOW characters at a time, so the cost of a turn is bounded by the
// number of windows, not by what a client chose to send.

/** The first window: what triage and the dialogs read (the input guard's limit too). */
export const WINDOW = 5000;
/** Windows overlap so a phrase cut by a boundary is still read whole in one of them. */
export const OVERLAP = 200;
/**
 * Most characters the risk check reads in one message. Teams caps a message at about 28 KB and
 * the website channel's body at 32 KB, so nothing a person typed is longer; past this a message
 * gets the "too long" reply, which always carries the emergency line.
 */
export const MAX_RISK_SCAN = 32_000;

/** The pieces of `text` the risk check reads: the first WINDOW characters, then overlapping windows up to MAX_RISK_SCAN. */
export function riskWindows(text: string): string[] {
  if (text.length <= WINDOW) return [text];
  const end = Math.min(text.length, MAX_RISK_SCAN);
  const windows = new Set<string>();
  for (let start = 0; start < end; start += WINDOW - OVERLAP) {
    // A window identical to one already read adds nothing (a flood of one repeated string).
    windows.add(text.slice(start, Math.min(start + WINDOW, end)));
    if (start + WINDOW >= end) break;
  }
  return [...windows];
}
