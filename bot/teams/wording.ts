// Words the Teams app adds to the conversation. Practitioners read them, often in a shared
// channel, so they are short and professional.

export const PRIVATE_CHAT_BUTTON = 'Continue in a private chat';

export const CHANNEL_NOTICE =
  'This is a shared space: other people can read it. Please do not name a child or family, or share details that could identify them, in a channel. ' +
  'For anything about a particular family, continue in a private chat with me.';

export function identifyingNotice(kinds: string[]): string {
  return (
    `Your message may include ${kinds.join(' and ')}. Please do not discuss a named child or family in a channel: ` +
    'other people can read it. You could edit or delete your message, and continue in a private chat with me.'
  );
}

export const RISK_CHANNEL_NOTICE =
  'If you are worried about someone\'s safety, use the contacts above now. Please talk about the details in a private chat with me, not in this channel.';

export function moreInPrivate(shown: number, hidden: number): string {
  return `I've shown the first ${shown} here to keep the channel tidy. There ${hidden === 1 ? 'is 1 more' : `are ${hidden} more`}: continue in a private chat to see them all.`;
}

export const CHANNEL_HELLO =
  "Hello, I'm the early help assistant, a guide to local early help services. I'm not a person and not an emergency service: if someone is in immediate danger call 999. " +
  '@mention me with a general question, such as "services for young carers". Please do not name a child or family here; for anything about a particular family, chat with me privately.';

export const MENTION_ONLY =
  "Hello, I'm the early help assistant. @mention me with what you'd like to find, for example \"support for parents in conflict\", or type help.";

export const BAD_CARD_ACTION =
  "Sorry, I couldn't read that button press. Nothing has been lost: please type what you need, or type help or start again.";

export const CARD_ACTION_DONE = 'Thanks, I have replied in the chat.';
