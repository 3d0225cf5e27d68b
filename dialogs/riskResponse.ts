import { ActivityTypes, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Contact, RouteContacts } from '../knowledge';
import { contactLines } from './cards/contactText';
import { carryOnLabel, riskCarryOnQuestion, riskReplyNotes, startAgainLabel } from './wording';

/**
 * The reply when risk is indicated: the route's calm lead-in, its contacts in order
 * (999 first where there is immediate danger), the main line of each other route that
 * fired (a child living with domestic abuse needs both the children's front door and the
 * domestic abuse helpline), then a way back into the conversation. Every fact is text, so
 * it reaches a person on any channel.
 */
export function riskResponse(rc: RouteContacts, also: RouteContacts[] = []): Partial<Activity>[] {
  const lead = rc.outOfHours ? `${rc.message}\n\n${riskReplyNotes.outOfHours}` : rc.message;
  const routes = [rc, ...also].map((r) => r.route);
  const contactsText = [
    contactsWithOtherRoutes(rc, also),
    routes.includes('domestic-abuse') ? riskReplyNotes.safetyScreen : undefined,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n\n');
  return [
    { type: ActivityTypes.Message, text: lead, textFormat: 'markdown' },
    { type: ActivityTypes.Message, text: contactsText, textFormat: 'markdown' },
    MessageFactory.suggestedActions([carryOnLabel, startAgainLabel], riskCarryOnQuestion),
  ];
}

/**
 * The route's contacts, then each other route's first contact not already given (its main line),
 * so the extra help is clear without burying the main route's: in the full reply and the check-in.
 */
export function contactsWithOtherRoutes(rc: RouteContacts, also: readonly RouteContacts[]): string {
  const shown = new Set(rc.contacts.map((c) => c.id));
  const extra: Contact[] = [];
  for (const other of also) {
    const first = other.contacts.find((c) => !shown.has(c.id));
    if (!first) continue;
    shown.add(first.id);
    extra.push(first);
  }
  return extra.length > 0 ? `${contactLines(rc.contacts)}\n\n${riskReplyNotes.also}\n\n${contactLines(extra)}` : contactLines(rc.contacts);
}
