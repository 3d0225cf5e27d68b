import type { Activity, TurnContext } from 'botbuilder';
import { contactsForRoute, RISK_ROUTES } from '../knowledge';
import type { KnowledgePack, RiskRoute, RouteContacts } from '../knowledge';
import { detectRisk, riskWindows } from '../knowledge/triage';
import type { TriageContext, TriageFn, TriageResult } from '../knowledge/triage/types';
import { isOutOfHours, turnInstant } from './clock';
import { riskCheckActivities } from './riskCheck';
import { riskResponse } from './riskResponse';
import { submittedStrings } from './submits';
import { buttonLabels } from './wording';
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
  private readonly labels = buttonLabels();

  constructor(
    private readonly pack: KnowledgePack,
    private readonly triage: TriageFn,
  ) {}

  assess(activity: Partial<Activity>, context: TriageContext = {}): RiskAssessment | undefined {
    const texts = [activity.text ?? '', ...submittedStrings(activity.value)].filter((t) => t.trim() !== '');
    for (const text of texts) {
      if (this.labels.has(text.trim().toLowerCase())) {
        // A button the bot offered: the rules still read it, the model does not (see buttonLabels).
        const matches = detectRisk(text);
        if (matches.length > 0) return { route: matches[0].route, triage: { ...this.triage(text, context), route: matches[0].route, riskMatches: matches, confidence: 'high' } };
        continue;
      }
      // Triage reads a window of 5,000 characters; a longer message is read window by window
      // (bounded, see riskWindows), so risk at the end of a long letter is still found.
      for (const window of riskWindows(text)) {
        const triage = this.triage(window, context);
        if (isRiskRoute(triage.route)) return { route: triage.route, triage };
      }
    }
    return undefined;
  }

  /** The assessment for a route the person confirmed (a "yes" to a check-in): the full reply for that route. */
  assessRoute(activity: Partial<Activity>, route: RiskRoute): RiskAssessment {
    const triage = this.triage(activity.text ?? '');
    return {
      route,
      triage: {
        ...triage,
        route,
        confidence: 'high',
        riskMatches: [{ route, rule: 'check-in.confirmed', matched: '' }, ...triage.riskMatches.filter((m) => m.route !== route)],
      },
    };
  }

  /**
   * Run both checks once so their lazily built models are ready before the first person
   * writes: at start-up, not in the middle of someone's first message.
   */
  warmUp(): void {
    this.assess({ text: 'warming up the risk check' });
  }

  /**
   * Risk is possible, not clear: trace it (confidence "possible"), show the route's contacts
   * and ask one direct question (riskCheck.ts).
   */
  async checkIn(context: TurnContext, assessment: RiskAssessment): Promise<RouteContacts> {
    const at = turnInstant(context.activity);
    const contacts = contactsForRoute(this.pack, assessment.route, at);
    await sendTriageTrace(context, assessment.triage, isOutOfHours(this.pack, at), 'Risk possible: checking in');
    await context.sendActivities(riskCheckActivities(contacts));
    return contacts;
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
