import type { Activity } from 'botbuilder';

// Teams puts "<at>Bot name</at>" into the text of any message that @mentions the bot,
// and a mention entity that names the bot. The words for triage must not include the
// bot's name (a bot called "Early Help" would otherwise tip every message towards a
// group), so the mention goes before anything reads the text.

interface MentionEntity {
  type: 'mention';
  mentioned?: { id?: string; name?: string };
  text?: string;
}

type ActivityLike = Pick<Partial<Activity>, 'text' | 'entities' | 'recipient'>;

function isMention(entity: unknown): entity is MentionEntity {
  return typeof entity === 'object' && entity !== null && (entity as { type?: unknown }).type === 'mention';
}

/**
 * The mention entities, read defensively: `entities` and every field in it come from the
 * client's JSON as they are. Entities that were not an array ("entities": {}) and names or ids
 * that were not strings once made every such turn fail with a TypeError (found by fuzzing).
 */
function mentionsOf(activity: ActivityLike): MentionEntity[] {
  const entities: unknown = activity.entities;
  return Array.isArray(entities) ? entities.filter(isMention) : [];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const MAX_MENTIONS = 20;

/** Teams ids for the same bot may come as "28:<guid>" or "<guid>". */
function sameId(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) return false;
  const bare = (id: string) => id.replace(/^28:/, '').toLowerCase();
  return bare(a) === bare(b);
}

/**
 * The message text with every @mention of the bot removed, as TurnContext.removeMentionText does
 * for the first one, but for all of them and wherever they are. Other people's mentions keep
 * their names and lose only the tags. Whitespace and `&nbsp;` left behind are tidied.
 */
export function stripMentions(activity: ActivityLike, botId: string | undefined = activity.recipient?.id): string {
  let message = text(activity.text) ?? '';
  // Teams sends one entity per mention; a message with hundreds is not from Teams.
  const mentions = mentionsOf(activity).slice(0, MAX_MENTIONS);
  const botNames = new Set<string>();
  const recipientName = text(activity.recipient?.name);
  if (recipientName) botNames.add(recipientName);

  for (const mention of mentions) {
    if (!sameId(mention.mentioned?.id, botId)) continue;
    const name = text(mention.mentioned?.name);
    if (name) botNames.add(name);
    const tag = text(mention.text);
    if (tag) message = message.split(tag).join(' ');
  }
  // A mention whose entity is missing or whose text differs (mobile clients, edited messages);
  // anyone else's mention keeps the name and loses the markup.
  message = replaceAtTags(message, (inner) => (isBotName(inner, botNames) ? ' ' : inner));
  return message
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function isBotName(inner: string, botNames: Set<string>): boolean {
  const name = inner.trim().toLowerCase();
  for (const bot of botNames) if (bot.toLowerCase() === name) return true;
  return false;
}

/**
 * Replaces every `<at ...>inner</at>` with what `replace` returns for its inner text. A scan
 * with indexOf, never a regex: `<at[^>]*>` is quadratic on text like "<at<at<at..." (a
 * 240 KB message of it once blocked the process for 56 s), while this reads each character
 * a bounded number of times.
 */
export function replaceAtTags(text: string, replace: (inner: string) => string): string {
  // ASCII-only lower case keeps every index the same as in `text` (toLowerCase can change the
  // length: "İ" becomes two code units), and the tags are ASCII.
  const lower = text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  let out = '';
  // Text is copied only where a tag is replaced, so a message of unclosed "<at" costs one scan.
  let copied = 0;
  let from = 0;
  // The loop reads lower.length, not text.length: with text.length, Node 20's optimising
  // compiler hung on the third 1 MB "<at" message in a row (test/hosting/hardening.test.ts).
  // "<at>" or "<at id=...>", not "<attention>": a pattern of fixed length, so the search is
  // linear; finding each "<at" with indexOf and testing the next character took 350,000 calls
  // (about 20 ms) on a 1 MB message of unclosed "<at".
  const tagStart = /<at[ \t\n>]/g;
  while (from < lower.length) {
    tagStart.lastIndex = from;
    const found = tagStart.exec(lower);
    if (found === null) break;
    const open = found.index;
    const openEnd = lower.indexOf('>', open);
    if (openEnd === -1) break;
    const close = lower.indexOf('</at>', openEnd + 1);
    if (close === -1) break;
    out += text.slice(copied, open) + replace(text.slice(openEnd + 1, close));
    copied = close + 5;
    from = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Whether the text holds a `<at ...>` tag, found without a regex (see replaceAtTags). */
export function hasAtTag(text: string): boolean {
  return replaceAtTags(text, () => '\u0000') !== text;
}

/** Whether the message @mentions the bot at all. */
export function mentionsBot(activity: ActivityLike, botId: string | undefined = activity.recipient?.id): boolean {
  return mentionsOf(activity).some((m) => sameId(m.mentioned?.id, botId));
}
