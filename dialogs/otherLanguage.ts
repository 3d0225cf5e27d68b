import { ActivityTypes, type Activity } from 'botbuilder';
import { contactsForRoute, type Contact, type KnowledgePack, type RiskRoute } from '../knowledge';
import type { OtherLanguage } from '../knowledge/language/otherLanguages';
import { contactLines } from './cards/contactText';
import { otherLanguageEnglish, otherLanguageEnglishWithContacts } from './wording';

/** How sure the language model must be (knowledge/language/identify.ts, where it is chosen). */
export { LANGUAGE_CONFIDENCE } from '../knowledge/language/identify';

/** One line from each, most urgent first: a message the bot cannot read may be any of these. */
const DANGER_ROUTES: readonly RiskRoute[] = ['emergency', 'safeguarding-child', 'domestic-abuse', 'crisis'];

/**
 * The contacts for anyone in danger, for a message the bot cannot read: the first contact of each
 * of those routes at this moment (so the Emergency Duty Team out of hours), each once.
 */
export function dangerContacts(pack: KnowledgePack, at: Date): Contact[] {
  const out: Contact[] = [];
  for (const route of DANGER_ROUTES) {
    const first = contactsForRoute(pack, route, at).contacts.find((c) => !out.some((o) => o.id === c.id));
    if (first) out.push(first);
  }
  return out;
}

/**
 * The notice in the person's language (checked by a fluent speaker or not, see the data file),
 * then in English. With `contacts` (when the bot could not read the message), the contacts for
 * anyone in danger come between the two: when unsure, the contacts.
 */
export function otherLanguageNotice(language: OtherLanguage, contacts: Contact[] = []): Partial<Activity> {
  const text =
    contacts.length === 0
      ? `${language.notice}\n\n${otherLanguageEnglish}`
      : `${language.notice}\n\n${language.contactsLead}\n\n${contactLines(contacts)}\n\n${otherLanguageEnglishWithContacts}`;
  return { type: ActivityTypes.Message, text, textFormat: 'markdown' };
}
