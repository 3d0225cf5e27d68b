import type { Activity, TurnContext } from 'botbuilder';
import { contactsForRoute, RISK_ROUTES } from '../knowledge';
import type { KnowledgePack, RiskRoute, RouteContacts } from '../knowledge';
import { riskWindows } from '../knowledge/triage';
import { QUESTION_ABOUT_US_WORDS, RISK_THRESHOLDS } from '../knowledge/triage/model/decision';
import { isBareAnswer } from '../knowledge/understanding/bareAnswer';
import { recogniseInterruption } from './interruptions';
import type { TriageContext, TriageFn, TriageResult } from '../knowledge/triage/types';
import { isOutOfHours, turnInstant } from './clock';
import { riskCheckActivities, riskCheckAgainActivities } from './riskCheck';
import { followUpActivities, type FollowUpKind } from './riskFollowUp';
import { riskResponse } from './riskResponse';
import { submittedStrings } from './submits';
import { buttonLabels, replyKey } from './wording';
import { sendTriageTrace } from './trace';
import { keepTurnTriage, triageOnce } from './turnTriage';

export interface RiskAssessment {
  route: RiskRoute;
  triage: TriageResult;
}

/** turnState key of the turn's risk decision (see RiskGate.assessTurn). */
const TURN_ASSESSMENT = Symbol('riskAssessment');

/** The routes a decision named besides its lead, most urgent first, each once. */
export function otherRoutes(assessment: RiskAssessment): RiskRoute[] {
  return [...new Set(assessment.triage.riskMatches.map((m) => m.route))].filter((r) => r !== assessment.route);
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

  assess(
    activity: Partial<Activity>,
    context: TriageContext = {},
    /** Told of the reading of the whole typed text (when it fits one window), for reuse this turn. */
    onTextRead?: (text: string, result: TriageResult) => void,
  ): RiskAssessment | undefined {
    const texts = [activity.text ?? '', ...submittedStrings(activity.value)].filter((t) => t.trim() !== '');
    for (const text of texts) {
      // A button the bot offered, a plain yes or thanks, or a bare answer ("It's for me. I'm 71."):
      // the rules still read it, the model does not (see buttonLabels, isBareAnswer). After a risk
      // signal the model reads bare answers too: the concern is not closed on a short reply.
      // So is a question about the assistant itself ("who reads this?", "does this tool tell
      // anyone?", "are you a real person"): the model had read those as possible risk to a child,
      // and they get their own answer. A harm named in one ("will you tell anyone if I say my dad
      // hits me") is still the rules'.
      const bare = (context.priorRisk ?? 0) < RISK_THRESHOLDS.possible && (isBareAnswer(text) || asksAboutTheAssistant(text));
      if (bare || this.labels.has(replyKey(text))) {
        const triage = this.triage(text, { ...context, rulesOnly: true });
        // Kept for the turn, so the dialogs (and the trace) share this reading, not the model's.
        if (text === activity.text) onTextRead?.(text, triage);
        if (isRiskRoute(triage.route)) return { route: triage.route, triage };
        continue;
      }
      // Triage reads a window of 5,000 characters; a longer message is read window by window
      // (bounded, see riskWindows), so risk at the end of a long letter is still found.
      for (const window of riskWindows(text)) {
        const triage = this.triage(window, context);
        if (window === text && text === activity.text) onTextRead?.(text, triage);
        if (isRiskRoute(triage.route)) return { route: triage.route, triage };
      }
    }
    return undefined;
  }

  /**
   * The turn's one risk decision: worked out on first use and kept in turn state, so the input
   * guard (may a long message through?), the risk step and anything later in the turn share it
   * instead of reading the message again. Kept per text and context, so a change to either
   * (a Teams mention removed, a different prior risk) is read afresh.
   */
  assessTurn(context: TurnContext, triageContext: TriageContext = {}): RiskAssessment | undefined {
    const key = JSON.stringify([context.activity.text ?? '', submittedStrings(context.activity.value), triageContext]);
    const kept = context.turnState.get(TURN_ASSESSMENT) as { key: string; assessment: RiskAssessment | undefined } | undefined;
    if (kept && kept.key === key) return kept.assessment;
    const assessment = this.assess(context.activity, triageContext, (text, result) => keepTurnTriage(context, text, triageContext, result));
    context.turnState.set(TURN_ASSESSMENT, { key, assessment });
    return assessment;
  }

  /**
   * The assessment for a route the person confirmed (a "yes" to a check-in): the full reply for
   * that route, with the other routes the check-in showed.
   */
  assessRoute(activity: Partial<Activity>, route: RiskRoute, also: readonly RiskRoute[] = []): RiskAssessment {
    const triage = this.triage(activity.text ?? '');
    const confirmed = [route, ...also].map((r) => ({ route: r, rule: 'check-in.confirmed', matched: '' }));
    return {
      route,
      triage: {
        ...triage,
        route,
        needLevel: 'specialist',
        confidence: 'high',
        riskMatches: [...confirmed, ...triage.riskMatches.filter((m) => m.route !== route && !also.includes(m.route))],
      },
    };
  }

  /**
   * Run both checks once so their lazily built models are ready before the first person
   * writes: at start-up, not in the middle of someone's first message.
   */
  warmUp(): void {
    this.assess({ text: 'warming up the risk check' });
    this.warm = true;
  }

  /** Whether the engine has read a message (the warm-up): what a readiness probe asks. */
  get ready(): boolean {
    return this.warm;
  }

  private warm = false;

  /**
   * Risk is possible, not clear: trace it (confidence "possible"), show the route's contacts
   * and ask one direct question (riskCheck.ts).
   */
  async checkIn(context: TurnContext, assessment: RiskAssessment): Promise<RouteContacts> {
    const at = turnInstant(context.activity);
    const young = speakerOf(assessment.triage);
    const contacts = contactsForRoute(this.pack, assessment.route, at, young);
    // The other routes the decision named (a harm of any age whose age is unknown names both the
    // children's and the adults'): their main lines too, as in the full reply.
    const also = otherRoutes(assessment).map((route) => contactsForRoute(this.pack, route, at, young));
    await sendTriageTrace(context, assessment.triage, isOutOfHours(this.pack, at), 'Risk possible: checking in');
    await context.sendActivities(riskCheckActivities(contacts, also));
    return contacts;
  }

  /** The check-in question once more, after an answer that did not answer it ("ok"). */
  async askAgain(context: TurnContext, route: RiskRoute, why = false): Promise<void> {
    await context.sendActivities(riskCheckAgainActivities(route, why));
  }

  /** This turn's reading of the typed text (the one the risk step made), for the follow-up step. */
  reading(context: TurnContext): TriageResult {
    return triageOnce(context, this.triage, context.activity.text ?? '', {});
  }

  /** After a risk reply: an answer to what the person said next, with the route's contacts that fit it. */
  async followUp(context: TurnContext, route: RiskRoute, kind: FollowUpKind, also?: RiskRoute, speaker: Speaker = {}, noPhone = false): Promise<void> {
    const at = turnInstant(context.activity);
    const contacts = contactsForRoute(this.pack, route, at, speaker);
    if (also) {
      // The other route's contacts after the route's own, each once.
      const ids = new Set(contacts.contacts.map((c) => c.id));
      contacts.contacts = [...contacts.contacts, ...contactsForRoute(this.pack, also, at, speaker).contacts.filter((c) => !ids.has(c.id))];
    }
    // The turn is on the risk route (its contacts are the answer): traced as such, so an audit
    // of the conversation sees the route held, not a turn without a decision.
    const reading = this.reading(context);
    const decision: TriageResult = { ...reading, route, needLevel: 'specialist', confidence: 'high', topic: undefined };
    await sendTriageTrace(context, decision, isOutOfHours(this.pack, at), 'Risk follow-up', { followUp: true });
    await context.sendActivities(followUpActivities(kind, contacts, { noPhone, youngPerson: speaker.youngPerson }));
  }

  /** Trace the decision, then give the contacts and a way back. */
  async respond(context: TurnContext, assessment: RiskAssessment): Promise<RouteContacts> {
    const at = turnInstant(context.activity);
    // A young person telling of their own harm is spoken to as one, with Childline first (after
    // 999); an adult is not given Childline as their own line.
    const young = speakerOf(assessment.triage);
    const contacts = contactsForRoute(this.pack, assessment.route, at, young);
    const also = otherRoutes(assessment).map((route) => contactsForRoute(this.pack, route, at, young));
    await sendTriageTrace(context, assessment.triage, isOutOfHours(this.pack, at), 'Risk indicated');
    await context.sendActivities(riskResponse(contacts, also));
    return contacts;
  }
}

/** Who is speaking, as the contacts for a route are chosen by it (contactsForRoute). */
export type Speaker = { youngPerson?: boolean; adult?: boolean };

function speakerOf(triage: Pick<TriageResult, 'childSpeaking' | 'adultSpeaking'>): Speaker {
  if (triage.childSpeaking) return { youngPerson: true };
  return triage.adultSpeaking ? { adult: true } : {};
}

/**
 * A short question about the assistant itself: who reads this, whether it tells anyone, whether
 * it is a person. Only when it is short (QUESTION_ABOUT_US_WORDS): in a longer message the
 * question may sit beside a worry the model must still read.
 */
function asksAboutTheAssistant(text: string): boolean {
  if (text.trim().split(/\s+/).length > QUESTION_ABOUT_US_WORDS) return false;
  const kind = recogniseInterruption(text);
  return kind === 'privacy' || kind === 'realPerson';
}
