// Channels that render Adaptive Cards. Elsewhere the bot sends the same facts as text.
const ADAPTIVE_CARD_CHANNELS = new Set(['webchat', 'directline', 'msteams', 'emulator', 'test']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && ADAPTIVE_CARD_CHANNELS.has(channelId);
}
