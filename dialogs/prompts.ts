import { MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { isGoodbye } from '../knowledge/understanding/greeting';
import { normalise } from './interruptions';
import type { Option } from './wording';

/** In an option's synonyms: the option is picked by any goodbye, however it is put (isGoodbye). */
export const ANY_GOODBYE = '@goodbye';

/** Answers a prompt accepts before the bot offers a way on instead of asking again. */
export const MAX_ATTEMPTS = 3;

// Teams gets suggested actions too: bot/teams reshapes them into a card Teams can show.
const SUGGESTED_ACTION_CHANNELS = new Set(['webchat', 'directline', 'emulator', 'test', 'telegram', 'msteams']);

/**
 * A question with buttons, shaped for the channel: quick replies where the channel has
 * them, and a numbered list where it does not (people can type the number or the words).
 */
export function optionsActivity(channelId: string | undefined, text: string, options: Option[]): Partial<Activity> {
  const labels = options.map((o) => o.label);
  if (channelId && SUGGESTED_ACTION_CHANNELS.has(channelId)) return MessageFactory.suggestedActions(labels, text);
  return MessageFactory.text(`${text}\n\n${labels.map((l, i) => `${i + 1}. ${l}`).join('\n')}`);
}

function words(text: string): string {
  return ` ${normalise(text)} `;
}

/**
 * Which option an answer picks, strictly: the whole answer is a label, value, synonym or
 * number, or a short answer (up to five words) contains exactly one option's words. A
 * longer message is never forced into a button: it is probably a worry.
 */
export function recogniseOption<V extends string>(text: string | undefined, options: Option<V>[]): V | undefined {
  if (!text) return undefined;
  const plain = normalise(text);
  if (!plain) return undefined;
  const number = /^(?:number\s+)?(\d{1,2})$/.exec(plain);
  if (number) return options[Number(number[1]) - 1]?.value;
  const terms = (o: Option<V>) => [o.label, o.value.replace(/-/g, ' '), ...(o.synonyms ?? [])].map(normalise);
  const exact = options.find((o) => terms(o).includes(plain));
  if (exact) return exact.value;
  // An option that stands for any goodbye ("That is all, thank you for your help."): kept as a
  // word in its synonyms, since prompt options are saved with the conversation's state.
  const goodbye = options.find((o) => o.synonyms?.includes(ANY_GOODBYE));
  if (goodbye && isGoodbye(text)) return goodbye.value;
  if (plain.split(' ').length > 5) return undefined;
  const hits = options.filter((o) => terms(o).some((t) => t.length > 1 && words(plain).includes(` ${t} `)));
  return hits.length === 1 ? hits[0].value : undefined;
}

