import type { Activity, TurnContext } from 'botbuilder';
import { contactsForRoute, RISK_ROUTES } from '../knowledge';
import type { KnowledgePack, RiskRoute, RouteContacts } from '../knowledge';
import { detectRisk } from '../knowledge/triage';
import type { TriageFn, TriageResult } from '../knowledge/triage/types';
import { isOutOfHours, turnInstant } from './clock';
import { riskResponse } from './riskResponse';
import { submittedStrings } from './submits';
import { sendTriageTrace } from './trace';

export interface RiskAssessment {
  route: RiskRoute;
  triage: TriageResult;
}

function isRiskRoute(route: string): route is RiskRoute {
  return (RISK_ROUTES as readonly string[]).includes(route);
}

/**
 * The safety check every message passes before any dialog sees it. It reads the text and
 * anything a card sent, and escalates if either the triage or the risk rules fire: when
 * unsure, escalate.
 */
export class RiskGate {
  constructor(
    private readonly pack: KnowledgePack,
    private readonly triage: TriageFn,
  ) {}

  assess(activity: Partial<Activity>): RiskAssessment | undefined {
    const texts = [activity.text ?? '', ...submittedStrings(activity.value)].filter((t) => t.trim() !== '');
    for (const text of texts) {
      const triage = this.triage(text);
      if (isRiskRoute(triage.route)) return { route: triage.route, triage };
      // Triage reads only the first MAX_TEXT_LENGTH characters; the rules read the whole message.
      const matches = detectRisk(text);
      if (matches.length > 0) return { route: matches[0].route, triage: { ...triage, route: matches[0].route, riskMatches: matches } };
    }
    return undefined;
  }

  /**
   * Run both checks once so their lazily built models are ready before the first person
   * writes: at start-up, not in the middle of someone's first message.
   */
  warmUp(): void {
    this.assess({ text: 'warming up the risk check' });
  }

  /** Trace the decision, then give the contacts and a way back. */
  async respond(context: TurnContext, assessment: RiskAssessment): Promise<RouteContacts> {
    const at = turnInstant(context.activity);
    const contacts = contactsForRoute(this.pack, assessment.route, at);
    const otherRoutes = [...new Set(assessment.triage.riskMatches.map((m) => m.route))].filter((r) => r !== assessment.route);
    const also = otherRoutes.map((route) => contactsForRoute(this.pack, route, at));
    await sendTriageTrace(context, assessment.triage, isOutOfHours(this.pack, at), 'Risk indicated');
    await context.sendActivities(riskResponse(contacts, also));
    return contacts;
  }
}
