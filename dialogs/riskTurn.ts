import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { RiskRoute } from '../knowledge';
import type { TriageContext, TriageResult } from '../knowledge/triage/types';
import { readAgeYears, statedOwnAge } from '../knowledge/understanding/whoIsAsking';
import { describesWorry } from './interpret';
import { recogniseCheckAnswer } from './riskCheck';
import { FOLLOW_UP_TURNS, followUpKind, isCommand, type FollowUpKind } from './riskFollowUp';
import { recogniseInterruption } from './interruptions';
import { otherRoutes, type RiskAssessment, type RiskGate, type Speaker } from './riskGate';
import { submittedStrings } from './submits';
import { riskCheckDeclined } from './wording';

/** What the conversation remembers about risk: scores and a route, never the words. */
export interface RiskMemory {
  /** Highest risk score seen in this conversation (0..1): later messages are read more warily. */
  priorRisk: number;
  /** The route of a check-in question waiting for its answer. */
  pendingCheck?: RiskRoute;
  /** The other routes that check-in showed (a harm of any age, age unknown): routes, never words. */
  pendingAlso?: RiskRoute[];
  /** The route of the last full risk reply, while the next few messages are read as follow-ups to it. */
  followUp?: RiskRoute;
  /** Follow-up messages answered since that reply. */
  followUpTurns?: number;
  /** The check-in question was asked a second time (after an "ok"): the next unclear answer counts as "not sure". */
  checkAskedAgain?: boolean;
  /** A child was speaking when risk was told: later messages are read as the same child's. */
  childSpeaking?: boolean;
  /** An adult was writing when risk was told: the follow-ups leave out the lines only children may use. */
  adultSpeaking?: boolean;
  /** The person said they cannot or will not phone: the follow-ups keep to lines they can write to. */
  noPhone?: boolean;
  /**
   * The worry the message under a check-in told, as the bot read it (groups, level, topic ids,
   * never the words): "No" to the check-in goes on with it rather than asking for it again.
   */
  heldWorry?: HeldWorry;
  /**
   * The worry the message under the last full risk reply told, read the same way: when the
   * person goes on from the reply ("carry on", "she's safe now", "what do I do now"), the
   * conversation goes on with it. A father told of his 12-year-old's self-harm had been asked
   * who it was about and how old she was, and then shown school services.
   */
  afterReplyWorry?: HeldWorry;
}

/** A worry as the dialogs take it, with nothing of the message's words (no rule matches). */
export type HeldWorry = Pick<TriageResult, 'route' | 'riskMatches' | 'priorityGroups' | 'needLevel' | 'topic' | 'signals'>;

function heldWorryOf(result: TriageResult): HeldWorry | undefined {
  if (!describesWorry(result)) return undefined;
  return {
    route: 'early-help',
    riskMatches: [],
    priorityGroups: result.priorityGroups,
    // A risk reading is levelled "specialist" for its risk; once the person says there is none,
    // the worry is an early help one (a teenager left out by friends is not a social care case).
    needLevel: result.needLevel === 'specialist' ? 'targeted' : result.needLevel,
    ...(result.topic ? { topic: result.topic } : {}),
    ...(result.signals?.length ? { signals: result.signals } : {}),
  };
}

export const emptyRiskMemory = (): RiskMemory => ({ priorRisk: 0 });

/**
 * What the risk step tells the triage about the conversation: the same for the step and for the
 * input guard that asks it first, so the turn's one reading is shared (RiskGate.assessTurn).
 */
export function riskContext(memory: RiskMemory, who: Pick<TriageContext, 'audience' | 'ageBand' | 'language' | 'answering'>): TriageContext {
  return { priorRisk: memory.priorRisk, ...who, ...(memory.childSpeaking ? { childSpeaking: true } : {}) };
}

export type RiskTurnOutcome =
  /** The risk reply or a check-in was given: nothing else runs this turn. */
  | { kind: 'handled'; route: RiskRoute; confidence: 'high' | 'possible'; language?: string }
  /**
   * The person said no to the check-in: carry on with the conversation, contacts still on
   * screen, with the worry that message told when it told one.
   */
  | { kind: 'declined'; worry?: HeldWorry }
  /** After a risk reply, the next message was answered as a follow-up to it. */
  | { kind: 'followed-up'; route: RiskRoute; followUp: FollowUpKind }
  /** No risk: the dialogs run, with the worry the risk reply's message told when this goes on from it. */
  | { kind: 'none'; worry?: HeldWorry };

/**
 * The risk step of every turn, before any dialog: answers a waiting check-in, then reads the
 * message for risk (at a lower threshold after an earlier signal) and gives the risk reply
 * (confident) or a check-in (possible).
 */
export async function runRiskTurn(
  context: TurnContext,
  gate: RiskGate,
  memory: StatePropertyAccessor<RiskMemory>,
  /** Who is asking, as far as the conversation knows: a young person's disclosure takes the children's route. */
  who: Pick<TriageContext, 'audience' | 'ageBand' | 'language' | 'answering'> = {},
): Promise<RiskTurnOutcome> {
  const state = await memory.get(context, emptyRiskMemory());
  const waiting = state.pendingCheck;
  const waitingAlso = state.pendingAlso ?? [];
  const held = state.heldWorry;
  state.pendingCheck = undefined;
  state.pendingAlso = undefined;
  state.heldWorry = undefined;
  // The reply to a check-in is read for risk of its own first: "not sure i can keep going like
  // this" starts like an answer and is a crisis.
  const assessment = gate.assessTurn(context, riskContext(state, who));
  if (waiting && !(assessment && assessment.triage.confidence === 'high')) {
    let answer = recogniseCheckAnswer(context.activity.text ?? submittedStrings(context.activity.value)[0]);
    if ((answer === 'unclear' || answer === 'asks-why') && !state.checkAskedAgain) {
      // "ok" or "thanks" does not answer "are you thinking about ending your life?": ask once
      // more. "What do you mean?" is told why it was asked first (it had dropped the check-in).
      state.pendingCheck = waiting;
      state.pendingAlso = waitingAlso.length > 0 ? waitingAlso : undefined;
      state.heldWorry = held;
      state.checkAskedAgain = true;
      await gate.askAgain(context, waiting, answer === 'asks-why');
      return { kind: 'handled', route: waiting, confidence: 'possible' };
    }
    if (answer === 'asks-why') answer = 'unclear';
    state.checkAskedAgain = undefined;
    // Unclear twice: when unsure, the full contacts.
    if (answer === 'unclear') answer = 'not-sure';
    if (answer === 'yes' || answer === 'not-sure') {
      // "Not sure" is treated as yes: when unsure, the full contacts.
      const assessment = gate.assessRoute(context.activity, waiting, waitingAlso);
      // "Yes" says nothing of who is speaking: the check-in's message or the conversation did.
      if (state.childSpeaking || who.audience === 'young-person') assessment.triage.childSpeaking = true;
      else if (state.adultSpeaking || who.audience === 'parent-carer' || who.audience === 'practitioner') assessment.triage.adultSpeaking = true;
      await gate.respond(context, assessment);
      state.priorRisk = Math.max(state.priorRisk, 1);
      state.followUp = waiting;
      state.followUpTurns = 0;
      state.afterReplyWorry = held ?? state.afterReplyWorry;
      return { kind: 'handled', route: waiting, confidence: 'high' };
    }
    if (answer === 'no') {
      await context.sendActivity(riskCheckDeclined);
      return { kind: 'declined', ...(held ? { worry: held } : {}) };
    }
    // Anything else is a new message, read afresh below (and warily).
  }
  if (!assessment || answersTheRiskReply(context, state, assessment)) return backToConversation(context, gate, state, await followUp(context, gate, state));
  if (assessment.triage.childSpeaking) state.childSpeaking = true;
  else if (assessment.triage.adultSpeaking) state.adultSpeaking = true;
  // After the full risk reply every later message is read warily, whatever the model's own
  // score was (a rule may have carried the decision); after a check-in, by the score.
  state.priorRisk = Math.max(state.priorRisk, assessment.triage.confidence === 'possible' ? (assessment.triage.riskScore ?? 1) : 1);
  if (assessment.triage.confidence === 'possible') {
    await gate.checkIn(context, assessment);
    state.pendingCheck = assessment.route;
    state.heldWorry = heldWorryOf(assessment.triage);
    const also = otherRoutes(assessment);
    if (also.length > 0) state.pendingAlso = also;
    return { kind: 'handled', route: assessment.route, confidence: 'possible' };
  }
  await gate.respond(context, assessment);
  state.followUp = assessment.route;
  state.followUpTurns = 0;
  state.afterReplyWorry = heldWorryOf(assessment.triage) ?? state.afterReplyWorry;
  return { kind: 'handled', route: assessment.route, confidence: 'high', ...(assessment.triage.language ? { language: assessment.triage.language } : {}) };
}

/**
 * Right after a risk reply, "I can't ring anyone, my mum will hear" or "will anyone find out?"
 * is read warily and can look like risk again; it is an answer to that reply. It gets the
 * follow-up (the same route's contacts that fit it) when only the model, at its lowered
 * threshold, read risk in it. A harm a rule names ("he hits me with his fists, and if I tell
 * anyone it'll be worse") is told, not asked about: that gets the full reply.
 */
function answersTheRiskReply(context: TurnContext, state: RiskMemory, assessment: RiskAssessment): boolean {
  const text = context.activity.text;
  if (!state.followUp || !text || isCommand(text) || (state.followUpTurns ?? 0) >= FOLLOW_UP_TURNS) return false;
  if (followUpKind(text) === 'other') return false;
  const named = assessment.triage.riskMatches.some((m) => !m.rule.startsWith('model.') && !m.rule.startsWith('who-is-at-risk.'));
  if (named) return false;
  if (assessment.triage.confidence === 'possible' || assessment.route === state.followUp) return true;
  // The model sure of another route: a question about the reply itself ("will he find out i
  // told", "can i text instead") is still answered as one (a 16-year-old just given the
  // children's contacts got the crisis reply for "will he find out i told"); "we're safe now" or
  // anything the model reads as an emergency gets the full reply.
  const kind = followUpKind(text);
  return assessment.route !== 'emergency' && (kind === 'found-out' || kind === 'no-phone');
}

/**
 * The conversation stays with the person after a risk reply: for a few messages, what they say
 * next ("is there someone I can text", "will he find out", "yeah") gets an answer with the
 * route's contacts, not the question that was waiting. A button or a command ("carry on",
 * "start again"), or the end of those few messages, hands back to the dialogs. New risk in any of
 * them is read as risk first (above).
 */
async function followUp(context: TurnContext, gate: RiskGate, state: RiskMemory): Promise<RiskTurnOutcome> {
  const route = state.followUp;
  const text = context.activity.text;
  if (!route) return { kind: 'none' };
  if (!text || isCommand(text) || (state.followUpTurns ?? 0) >= FOLLOW_UP_TURNS) {
    state.followUp = undefined;
    state.followUpTurns = undefined;
    return { kind: 'none' };
  }
  const kind = followUpKind(text);
  // A new worry told in a sentence goes to the conversation, which is what the person asked for.
  if (kind === 'other' && text.trim().split(/\s+/).length >= 4 && describesWorry(gate.reading(context))) {
    state.followUp = undefined;
    state.followUpTurns = undefined;
    return { kind: 'none' };
  }
  state.followUpTurns = (state.followUpTurns ?? 0) + 1;
  if (kind === 'no-phone') state.noPhone = true;
  // Safe now: the contacts stay on screen, and the next message goes back to the conversation.
  if (kind === 'safe-now') state.followUp = undefined;
  const young = kind === 'other' ? ageUnder18(text) : undefined;
  if (young) {
    // "15", or "I'm 15", after the reply: a child is the one at risk. Domestic abuse or an
    // adult's harm becomes the children's route (the front door, Childline), with the domestic
    // abuse helpline kept after it; crisis and an emergency keep theirs, which already hold the
    // young people's lines.
    if (young === 'speaker') state.childSpeaking = true;
    const childRoute: RiskRoute = route === 'domestic-abuse' || route === 'safeguarding-adult' ? 'safeguarding-child' : route;
    state.followUp = childRoute;
    await gate.followUp(context, childRoute, 'under-18', route === 'domestic-abuse' ? route : undefined, young === 'speaker' ? { youngPerson: true } : speakerOf(state), state.noPhone);
    return { kind: 'followed-up', route: childRoute, followUp: 'under-18' };
  }
  await gate.followUp(context, route, kind, undefined, speakerOf(state), state.noPhone);
  return { kind: 'followed-up', route, followUp: kind };
}

/** Who the conversation says is speaking, for the contacts of a follow-up. */
function speakerOf(state: RiskMemory): Speaker {
  if (state.childSpeaking) return { youngPerson: true };
  return state.adultSpeaking ? { adult: true } : {};
}

/**
 * Back to the dialogs after a risk reply: with the worry its message told, when this message goes
 * on from the reply ("carry on", "what do I do now") rather than telling a new worry, starting
 * again, or asking for help or someone to talk to (those keep it for the message after).
 */
function backToConversation(context: TurnContext, gate: RiskGate, state: RiskMemory, outcome: RiskTurnOutcome): RiskTurnOutcome {
  const worry = state.afterReplyWorry;
  if (outcome.kind !== 'none' || !worry) return outcome;
  const text = context.activity.text ?? '';
  const command = recogniseInterruption(text);
  if (command && command !== 'carryOn') {
    if (command === 'restart' || command === 'quickExit') state.afterReplyWorry = undefined;
    return outcome;
  }
  state.afterReplyWorry = undefined;
  if (!command && describesWorry(gate.reading(context))) return outcome;
  return { kind: 'none', worry };
}

/**
 * An age under 18 given on its own after a risk reply: the speaker's ("I'm 15", "im 15") or the
 * one the reply was about ("15", "she's 15"). Undefined for an adult's age or anything else.
 */
function ageUnder18(text: string): 'speaker' | 'someone' | undefined {
  const someone = readAgeYears(text);
  if (someone !== undefined) return someone < 18 ? 'someone' : undefined;
  // "I'm 15" on its own (a sentence that has more than the age is not a follow-up answer).
  const own = text.trim().split(/\s+/).length <= 4 ? statedOwnAge(text) : undefined;
  return own !== undefined && own < 18 ? 'speaker' : undefined;
}
