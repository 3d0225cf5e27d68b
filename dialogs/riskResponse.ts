import { ActivityTypes, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Contact, RouteContacts } from '../knowledge';
import { contactLines } from './cards/contactText';
import { carryOnLabel, riskCarryOnQuestion, startAgainLabel } from './wording';

const OUT_OF_HOURS_NOTE =
  'The council office is closed right now (evenings, weekends and bank holidays). The contacts below are the ones to use now.';
const SAFETY_SCREEN_NOTE = 'If someone might see this screen, type **quick exit** to find out how to leave fast.';
const ALSO_NOTE = 'These may help too:';

/**
 * The reply when risk is indicated: the route's calm lead-in, its contacts in order
 * (999 first where there is immediate danger), the main line of each other route that
 * fired (a child living with domestic abuse needs both the children's front door and the
 * domestic abuse helpline), then a way back into the conversation. Every fact is text, so
 * it reaches a person on any channel.
 */
export function riskResponse(rc: RouteContacts, also: RouteContacts[] = []): Partial<Activity>[] {
  const lead = rc.outOfHours ? `${rc.message}\n\n${OUT_OF_HOURS_NOTE}` : rc.message;
  // Each other route adds its first contact not already given (its main line), so the
  // extra help is clear without burying the main route's contacts.
  const shown = new Set(rc.contacts.map((c) => c.id));
  const extra: Contact[] = [];
  for (const other of also) {
    const first = other.contacts.find((c) => !shown.has(c.id));
    if (!first) continue;
    shown.add(first.id);
    extra.push(first);
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
