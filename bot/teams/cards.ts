import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { PRIVATE_CHAT_BUTTON } from './wording';

// Shapes outgoing replies so they render in Microsoft Teams: Adaptive Cards no newer than
// Teams renders, a text fallback on every card, and buttons that work in channels
// (Teams shows suggested actions only in personal chats).

/** Teams renders Adaptive Cards up to schema 1.5. */
export const TEAMS_MAX_CARD_VERSION = '1.5';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const BUTTONS_PER_ROW = 3;

interface AdaptiveCardJson {
  type?: string;
  version?: string;
  fallbackText?: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

function versionNumber(version: string | undefined): number {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) + Number(match[2]) / 100 : 0;
}

/** Text of a card's TextBlocks and FactSets, for a fallback when the card has none. */
export function cardText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) cardText(item, out);
  } else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') out.push(element.text);
    if (element.type === 'FactSet' && Array.isArray(element.facts)) {
      for (const fact of element.facts as Array<{ title?: string; value?: string }>) out.push(`${fact.title ?? ''}: ${fact.value ?? ''}`);
    }
    for (const key of ['body', 'items', 'columns', 'card']) if (key in element) cardText(element[key], out);
  }
  return out;
}

/** An Adaptive Card fit for Teams: version at most 1.5, with fallback text. Returns a new object. */
export function forTeamsCard(card: AdaptiveCardJson): AdaptiveCardJson {
  const fitted: AdaptiveCardJson = { ...card };
  if (versionNumber(fitted.version) > versionNumber(TEAMS_MAX_CARD_VERSION)) fitted.version = TEAMS_MAX_CARD_VERSION;
  if (!fitted.version) fitted.version = TEAMS_MAX_CARD_VERSION;
  if (!fitted.fallbackText) {
    const text = cardText(fitted.body).join('\n');
    if (text) fitted.fallbackText = text;
  }
  return fitted;
}

export function isAdaptiveCard(attachment: Attachment): boolean {
  return attachment.contentType === ADAPTIVE;
}

/** The Teams link that opens (or starts) a one-to-one chat with the bot. */
export function privateChatUrl(botId: string): string {
  const id = botId.startsWith('28:') ? botId : `28:${botId}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(id)}`;
}

/** A short card with one or more paragraphs and, where a bot id is known, the private chat button. */
export function noticeCard(paragraphs: string[], botId: string | undefined): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_MAX_CARD_VERSION,
    fallbackText: paragraphs.join('\n\n'),
    body: paragraphs.map((text, i) => ({ type: 'TextBlock', text, wrap: true, spacing: i === 0 ? 'None' : 'Small' })),
    actions: botId ? [{ type: 'Action.OpenUrl', title: PRIVATE_CHAT_BUTTON, url: privateChatUrl(botId) }] : [],
  });
}

/** What a Teams Action.Submit sends for a suggested action: the same message the button would. */
function submitData(action: CardAction): Record<string, unknown> {
  const text = typeof action.value === 'string' ? action.value : action.title;
  if (action.type === 'imBack') return { msteams: { type: 'imBack', value: text } };
  if (action.value && typeof action.value === 'object') return action.value as Record<string, unknown>;
  return { msteams: { type: 'messageBack', text, displayText: action.displayText ?? action.title } };
}

/** Suggested actions as Adaptive Card buttons, in rows so long lists stay readable. */
export function suggestedActionsCard(actions: CardAction[]): Attachment {
  const rows: unknown[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ROW) {
    rows.push({
      type: 'ActionSet',
      actions: actions.slice(i, i + BUTTONS_PER_ROW).map((action) => ({ type: 'Action.Submit', title: action.title, data: submitData(action) })),
    });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: TEAMS_MAX_CARD_VERSION,
    fallbackText: `You can reply: ${actions.map((a) => a.title).join(', ')}`,
    body: rows,
  });
}

export interface OutgoingOptions {
  /** Suggested actions are kept only in personal chats, and only imBack there. */
  shared: boolean;
  /** Most cards one message may carry; the rest are dropped and counted. */
  maxCards: number;
}

/**
 * Rewrites one outgoing activity for Teams. Returns the activities to send in its place
 * (one, or two when suggested actions became a card) and how many cards were held back.
 */
export function prepareOutgoing(activity: Partial<Activity>, options: OutgoingOptions): { activities: Partial<Activity>[]; hidden: number } {
  if (activity.type !== 'message') return { activities: [activity], hidden: 0 };
  const out: Partial<Activity> = { ...activity };
  let hidden = 0;

  if (out.attachments?.length) {
    let attachments = out.attachments.map((a) => (isAdaptiveCard(a) && a.content ? { ...a, content: forTeamsCard(a.content as AdaptiveCardJson) } : a));
    if (attachments.length > options.maxCards) {
      hidden = attachments.length - options.maxCards;
      attachments = attachments.slice(0, options.maxCards);
    }
    out.attachments = attachments;
  }

  const extra: Partial<Activity>[] = [];
  const actions = out.suggestedActions?.actions ?? [];
  const keep = !options.shared && actions.every((a) => a.type === 'imBack');
  if (actions.length > 0 && !keep) {
    delete out.suggestedActions;
    const card = suggestedActionsCard(actions);
    if (out.attachments?.length) {
      // Activities added here have missed the turn's conversation reference: copy it.
      const { channelId, conversation, from, recipient, serviceUrl, replyToId, locale } = out;
      extra.push({ type: 'message', channelId, conversation, from, recipient, serviceUrl, replyToId, locale, attachments: [card] });
    }
    else out.attachments = [card];
  }
  return { activities: [out, ...extra], hidden };
}
