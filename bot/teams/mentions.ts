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

const MAX_MENTIONS = 20;

/** Teams ids for the same bot may come as "28:<guid>" or "<guid>". */
function sameId(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const bare = (id: string) => id.replace(/^28:/, '').toLowerCase();
  return bare(a) === bare(b);
}

/**
 * The message text with every @mention of the bot removed, as TurnContext.removeMentionText does
 * for the first one, but for all of them and wherever they are. Other people's mentions keep
 * their names and lose only the tags. Whitespace and `&nbsp;` left behind are tidied.
 */
export function stripMentions(activity: ActivityLike, botId: string | undefined = activity.recipient?.id): string {
  let text = activity.text ?? '';
  // Teams sends one entity per mention; a message with hundreds is not from Teams.
  const mentions = (activity.entities ?? []).filter(isMention).slice(0, MAX_MENTIONS);
  const botNames = new Set<string>();
  if (activity.recipient?.name) botNames.add(activity.recipient.name);

  for (const mention of mentions) {
    if (!sameId(mention.mentioned?.id, botId)) continue;
    if (mention.mentioned?.name) botNames.add(mention.mentioned.name);
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  // A mention whose entity is missing or whose text differs (mobile clients, edited messages);
  // anyone else's mention keeps the name and loses the markup.
  text = replaceAtTags(text, (inner) => (isBotName(inner, botNames) ? ' ' : inner));
  return text
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
  while (from < lower.length) {
    const open = lower.indexOf('<at', from);
    if (open === -1) break;
    const after = open + 3 < lower.length ? lower.charCodeAt(open + 3) : -1;
    // "<at>" or "<at id=...>", not "<attention>".
    if (after !== 62 /* > */ && after !== 32 && after !== 9 && after !== 10) {
      from = open + 3;
      continue;
    }
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
  return (activity.entities ?? []).filter(isMention).some((m) => sameId(m.mentioned?.id, botId));
}
