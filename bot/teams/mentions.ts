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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
  const mentions = (activity.entities ?? []).filter(isMention);
  const botNames = new Set<string>();
  if (activity.recipient?.name) botNames.add(activity.recipient.name);

  for (const mention of mentions) {
    if (!sameId(mention.mentioned?.id, botId)) continue;
    if (mention.mentioned?.name) botNames.add(mention.mentioned.name);
    if (mention.text) text = text.split(mention.text).join(' ');
  }
  // A mention whose entity is missing or whose text differs (mobile clients, edited messages).
  for (const name of botNames) {
    text = text.replace(new RegExp(`<at[^>]*>\\s*${escapeRegExp(name)}\\s*</at>`, 'gi'), ' ');
  }
  // Anyone else's mention: keep the name, drop the markup.
  text = text.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
  return text
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Whether the message @mentions the bot at all. */
export function mentionsBot(activity: ActivityLike, botId: string | undefined = activity.recipient?.id): boolean {
  return (activity.entities ?? []).filter(isMention).some((m) => sameId(m.mentioned?.id, botId));
}
