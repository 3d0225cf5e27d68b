import { z } from 'zod';
import { cardSubmitSchema, type CardSubmit } from '../../dialogs/submits';

// Teams Universal Actions (Action.Execute) arrive as an `invoke` named `adaptiveCard/action`
// rather than as a message. The envelope is checked here; what the button carries is the
// same submit the dialogs accept from Action.Submit, checked with the dialogs' own schema.

export const ADAPTIVE_CARD_ACTION = 'adaptiveCard/action';

export const adaptiveCardInvokeSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    id: z.string().max(200).optional(),
    verb: z.string().trim().min(1).max(100).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export type CardActionCheck = { ok: true; submit: CardSubmit } | { ok: false; reason: string };

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`).join('; ');
}

/**
 * Reads an adaptiveCard/action invoke's value. The verb names the action when the data does
 * not (`verb: "restart"` with no data is a restart); Teams' own `msteams` key is dropped.
 */
export function checkCardAction(value: unknown): CardActionCheck {
  const envelope = adaptiveCardInvokeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, reason: describe(envelope.error) };
  const { verb, data = {} } = envelope.data.action;
  const cleaned = Object.fromEntries(Object.entries(data).filter(([key]) => key !== 'msteams'));
  const candidate = 'action' in cleaned || !verb ? cleaned : { action: verb, ...cleaned };
  const submit = cardSubmitSchema.safeParse(candidate);
  if (!submit.success) return { ok: false, reason: describe(submit.error) };
  return { ok: true, submit: submit.data };
}

/** The body Teams expects back from an adaptiveCard/action invoke: a short message it shows to the user. */
export function invokeMessage(text: string): { statusCode: 200; type: 'application/vnd.microsoft.activity.message'; value: string } {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
