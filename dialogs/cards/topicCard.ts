import { CardFactory } from 'botbuilder';
import type { Attachment } from 'botbuilder';
import { PRIORITY_GROUP_IDS } from '../../knowledge';
import { topicLabels } from '../wording';

export const TOPIC_INPUT_ID = 'group';

/** A list of every topic, for channels without cards. */
export function topicListText(): string {
  return PRIORITY_GROUP_IDS.map((id) => `- ${topicLabels[id]}`).join('\n');
}

/**
 * Topics as a drop-down: 21 buttons would swamp a chat window. The submit sends
 * { action: 'topic', group }, which the dialogs validate with zod.
 */
export function topicCard(): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.3',
    fallbackText: `Topics you can pick:\n${topicListText()}`,
    body: [
      { type: 'TextBlock', text: 'Or pick a topic', weight: 'Bolder', wrap: true },
      {
        type: 'Input.ChoiceSet',
        id: TOPIC_INPUT_ID,
        style: 'compact',
        placeholder: 'Choose a topic',
        choices: PRIORITY_GROUP_IDS.map((id) => ({ title: topicLabels[id], value: id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Choose this topic', data: { action: 'topic' } }],
  });
}
