import { DeliveryModes, type Middleware, type TurnContext } from 'botbuilder';
import { serviceUrlAllowed } from '../config';
import type { Logger } from '../logging';

/**
 * After authentication, before the bot: a turn whose replies would be posted to a serviceUrl
 * off the allow-list (SERVICE_URL_HOSTS) runs no further, so nothing is sent there. Replies
 * that come back in the response (expectReplies) post nothing and are let through.
 */
export class ServiceUrlGuardMiddleware implements Middleware {
  constructor(
    private readonly hosts: readonly string[],
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.deliveryMode === DeliveryModes.ExpectReplies || serviceUrlAllowed(activity.serviceUrl ?? '', this.hosts)) return next();
    this.logger.warn({ event: 'turn.serviceUrl.refused', channelId: activity.channelId }, 'serviceUrl is not on the allow-list: turn dropped');
  }
}
