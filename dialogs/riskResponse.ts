import { ActivityTypes, MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { RouteContacts } from '../knowledge';
import { contactLines } from './cards/contactText';
import { carryOnLabel, riskCarryOnQuestion, startAgainLabel } from './wording';

const OUT_OF_HOURS_NOTE =
  'The council office is closed right now (evenings, weekends and bank holidays). The contacts below are the ones to use now.';
const SAFETY_SCREEN_NOTE = 'If someone might see this screen, type **quick exit** to find out how to leave fast.';

/**
 * The reply when risk is indicated: the route's calm lead-in, its contacts in order
 * (999 first where there is immediate danger), then a way back into the conversation.
 * Every fact is text, so it reaches a person on any channel.
 */
export function riskResponse(rc: RouteContacts): Partial<Activity>[] {
  const lead = rc.outOfHours ? `${rc.message}\n\n${OUT_OF_HOURS_NOTE}` : rc.message;
  const contactsText = [
    contactLines(rc.contacts),
    rc.route === 'domestic-abuse' ? SAFETY_SCREEN_NOTE : undefined,
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n\n');
  return [
    { type: ActivityTypes.Message, text: lead, textFormat: 'markdown' },
    { type: ActivityTypes.Message, text: contactsText, textFormat: 'markdown' },
    MessageFactory.suggestedActions([carryOnLabel, startAgainLabel], riskCarryOnQuestion),
  ];
}
