import { MessageFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { Audience, KnowledgePack } from '../knowledge';
import { audienceOptions, practitionerFirstQuestion, welcomeLines, whoIsAsking } from './wording';

/**
 * The first thing a person sees: who the bot is, that it is not a person or an emergency
 * service, 999, what it keeps, and the first question with quick replies. One message, so
 * it reads as one greeting on every channel.
 */
export function welcomeActivity(pack: KnowledgePack, retentionHours: number, audience?: Audience): Partial<Activity> {
  if (audience === 'practitioner') {
    // Where the channel already says who is asking (Teams is for staff), skip the question.
    return MessageFactory.text([...welcomeLines(pack.meta.councilName, retentionHours), practitionerFirstQuestion].join('\n\n'));
  }
  const text = [...welcomeLines(pack.meta.councilName, retentionHours), whoIsAsking].join('\n\n');
  return MessageFactory.suggestedActions(
    audienceOptions.map((o) => o.label),
    text,
  );
}
