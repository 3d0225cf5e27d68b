import { loadPack } from '../../knowledge/loader';
import type { KnowledgePack } from '../../knowledge/schema/pack';
import type { ServerPlugin } from '../server';
import { TeamsMiddleware } from './middleware';
import { registerTeamsRoutes } from './routes';

// The Teams app's one entry point: `plugins: [teamsPlugin()]` when the server starts adds the
// directory tab, its API and pages, and the middleware that shapes every msteams turn.

export interface TeamsPluginOptions {
  /** A loaded pack; by default the one KNOWLEDGE_PACK names. */
  pack?: KnowledgePack;
  publicDir?: string;
}

export function teamsPlugin(options: TeamsPluginOptions = {}): ServerPlugin {
  return (server, services) => {
    const pack = options.pack ?? loadPack(services.config.knowledgePack);
    registerTeamsRoutes(server, { pack, publicDir: options.publicDir });
    services.adapter.use(new TeamsMiddleware({ conversationState: services.conversationState, logger: services.logger }));
  };
}

export { TEAMS_TURN, getTeamsTurn, TeamsMiddleware } from './middleware';
export { teamsTurnContext, isTeamsActivity, type TeamsTurn, type TeamsConversationType } from './activity';
export { stripMentions, mentionsBot } from './mentions';
export { defaultAudience, withDefaultAudience } from './audience';
export { channelPolicy, identifyingDetails } from './channelPolicy';
