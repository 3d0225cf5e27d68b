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

/** Every string inside a submit, so the risk check also reads what a card sent. */
export function submittedStrings(value: unknown, depth = 0): string[] {
  if (depth > 4 || value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => submittedStrings(v, depth + 1));
  if (typeof value === 'object') return Object.values(value as object).flatMap((v) => submittedStrings(v, depth + 1));
  return [];
}
