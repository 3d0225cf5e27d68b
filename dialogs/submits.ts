import { z } from 'zod';
import { PRIORITY_GROUP_IDS } from '../knowledge';

/**
 * What an Adaptive Card's Action.Submit may send back. Anything else is a bad submit:
 * the person gets a kind reply and nothing is lost.
 */
export const cardSubmitSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('topic'), group: z.enum(PRIORITY_GROUP_IDS) }).strict(),
  z.object({ action: z.literal('choose'), value: z.string().trim().min(1).max(100) }).strict(),
  z.object({ action: z.literal('restart') }).strict(),
  z.object({ action: z.literal('talk') }).strict(),
  z.object({ action: z.literal('help') }).strict(),
  z.object({ action: z.literal('quick-exit') }).strict(),
]);
export type CardSubmit = z.infer<typeof cardSubmitSchema>;

export type SubmitCheck = { kind: 'none' } | { kind: 'valid'; submit: CardSubmit } | { kind: 'invalid'; reason: string };

/**
 * A message carrying a value and no text is a card submit. Web Chat and Teams may add
 * their own keys (Teams adds msteams), which are dropped before validation.
 */
export function checkSubmit(activity: { text?: string; value?: unknown }): SubmitCheck {
  if (activity.value === undefined || activity.value === null) return { kind: 'none' };
  if (activity.text && activity.text.trim() !== '') return { kind: 'none' };
  const value = activity.value;
  const cleaned =
    typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'msteams'))
      : value;
  const parsed = cardSubmitSchema.safeParse(cleaned);
  if (parsed.success) return { kind: 'valid', submit: parsed.data };
  return { kind: 'invalid', reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ') };
}

/** Keys a channel or our own cards fill in, never a person: Teams' messageBack metadata, action names. */
const MACHINE_KEYS = new Set(['msteams', 'action', 'type', 'group', 'verb', 'id']);
/** An identifier ("parent-carer", "messageBack"), not words a person typed. */
const IDENTIFIER = /^(?:[a-z0-9]+(?:-[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)$/;

/**
 * Every string a person may have written inside a submit (a card's text input), so the risk
 * check also reads what a card sent. Machine fields and identifiers are left out: the model
 * reads an unknown word like "messageBack" as a little risky, and a check-in about a button
 * id would be nonsense to the person.
 */
export function submittedStrings(value: unknown, depth = 0): string[] {
  if (depth > 4 || value === null || value === undefined) return [];
  if (typeof value === 'string') return IDENTIFIER.test(value) ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => submittedStrings(v, depth + 1));
  if (typeof value === 'object') {
    return Object.entries(value as object)
      .filter(([key]) => !MACHINE_KEYS.has(key))
      .flatMap(([, v]) => submittedStrings(v, depth + 1));
  }
  return [];
}
