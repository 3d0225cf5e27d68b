import { ActivityTypes, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Contact, RouteContacts } from '../knowledge';
import { contactLines } from './cards/contactText';
import { carryOnLabel, riskCarryOnQuestion, startAgainLabel } from './wording';

const OUT_OF_HOURS_NOTE =
  'The council office is closed right now (evenings, weekends and bank holidays). The contacts below are the ones to use now.';
const SAFETY_SCREEN_NOTE = 'If someone might see this screen, type **quick exit** to find out how to leave fast.';
const ALSO_NOTE = 'These may help too:';
/** Enough of the other routes' contacts to be useful without burying the main ones. */
const MAX_ALSO = 4;

/**
 * The reply when risk is indicated: the route's calm lead-in, its contacts in order
 * (999 first where there is immediate danger), the other routes' contacts not already
 * given (a child living with domestic abuse needs both the children's front door and the
 * domestic abuse helpline), then a way back into the conversation. Every fact is text, so
 * it reaches a person on any channel.
 */
export function riskResponse(rc: RouteContacts, also: RouteContacts[] = []): Partial<Activity>[] {
  const lead = rc.outOfHours ? `${rc.message}\n\n${OUT_OF_HOURS_NOTE}` : rc.message;
  const shown = new Set(rc.contacts.map((c) => c.id));
  const extra: Contact[] = [];
  for (const contact of also.flatMap((o) => o.contacts)) {
    if (shown.has(contact.id) || extra.length >= MAX_ALSO) continue;
    shown.add(contact.id);
    extra.push(contact);
  }
  const routes = [rc, ...also].map((r) => r.route);
  const contactsText = [
    contactLines(rc.contacts),
    extra.length > 0 ? `${ALSO_NOTE}\n\n${contactLines(extra)}` : undefined,
    routes.includes('domestic-abuse') ? SAFETY_SCREEN_NOTE : undefined,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n\n');
  return [
    { type: ActivityTypes.Message, text: lead, textFormat: 'markdown' },
    { type: ActivityTypes.Message, text: contactsText, textFormat: 'markdown' },
    MessageFactory.suggestedActions([carryOnLabel, startAgainLabel], riskCarryOnQuestion),
  ];
}
