/**
 * A message as the readers of short answers compare it: lower case, curly apostrophes straight,
 * punctuation and extra spaces gone ("I'm 34!" is "i'm 34"). Not the triage normaliser, which
 * also rewrites text speak and spelling for the risk rules and the model.
 */
export function plainText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
