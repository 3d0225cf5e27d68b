import { summaryText } from '../../dialogs/handoffDialog';
import { wordingFor } from '../../dialogs/wording';
import { bathnes } from './harness';

export function handoffSummaryFixture(): string {
  return summaryText(
    bathnes(),
    { audience: 'self', about: 'myself', ageBand: 'adult', worries: [{ groups: ['financial-exclusion', 'housing'], needLevel: 'targeted' }] },
    wordingFor('self'),
  );
}
