import {
  ActivityHandler,
  ActivityTypes,
  StatusCodes,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import {
  LANGUAGE_CONFIDENCE,
  MainDialog,
  RiskGate,
  dangerContacts,
  emptyProfile,
  emptyRiskMemory,
  otherLanguageNotice,
  riskCheckCarryOn,
  riskContext,
  runRiskTurn,
  turnInstant,
  welcomeActivity,
  type EarlyHelpProfile,
  type RiskMemory,
} from '../dialogs';
import type { LanguageIdentifier } from '../knowledge/language/identify';
import { otherLanguages, type OtherLanguage, type OtherLanguages } from '../knowledge/language/otherLanguages';
import { loadPack, type KnowledgePack } from '../knowledge';
import { createTriage } from '../knowledge/triage';
import type { TriageFn } from '../knowledge/triage/types';
import { parseConfig, type AppConfig } from './config';
import type { Logger } from './logging';
import type { BotReadiness } from './server';
import { withDefaultAudience } from './teams/audience';

/** turnState key of this turn's language (see languageOf). */
const TURN_LANGUAGE = Symbol('language');

export interface ConversationData {
  messageCount: number;
}

/** The knowledge the conversation runs on: a loaded pack and a triage trained on it. */
export interface ConversationSetup {
  pack: KnowledgePack;
  triage: TriageFn;
  /** The notices for other languages; the project's file when absent. */
  languages?: OtherLanguages;
}

/** Load a pack (throws PackError on a bad one, so the bot never starts half-loaded) and train triage on it. */
export function createConversation(packName: string, options?: { packsDir?: string }): ConversationSetup {
  const pack = loadPack(packName, options);
  return { pack, triage: createTriage(pack) };
}

export interface EarlyHelpBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  logger: Logger;
  /** Retention hours and pack name; the configuration defaults when absent. */
  config?: Pick<AppConfig, 'retentionHours' | 'knowledgePack' | 'logMessageText'>;
  /** Built once at start-up by bot/index.ts; loaded from config.knowledgePack when absent. */
  conversation?: ConversationSetup;
  /** Which language a message is in; without it only risk phrases in other languages are read. */
  languageIdentifier?: LanguageIdentifier;
}

/**
 * The bot's turn. Every message passes the risk gate before any dialog sees it: on risk the
 * bot gives the route's contacts at once and the waiting question stays where it was
 * ("Carry on" asks it again, "Start again" clears it). Otherwise the main dialog runs.
 */
export class EarlyHelpBot extends ActivityHandler {
  protected readonly conversationState: ConversationState;
  protected readonly userState: UserState;
  protected readonly logger: Logger;
  private readonly conversationData: StatePropertyAccessor<ConversationData>;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<EarlyHelpProfile>;
  private readonly riskMemory: StatePropertyAccessor<RiskMemory>;
  private readonly pack: KnowledgePack;
  private readonly retentionHours: number;
  private readonly mainDialog: MainDialog;
  private readonly riskGate: RiskGate;
  private readonly languages: OtherLanguages;
  private readonly languageIdentifier?: LanguageIdentifier;

  constructor({ conversationState, userState, logger, config, conversation, languageIdentifier }: EarlyHelpBotDeps) {
    super();
    this.conversationState = conversationState;
    this.userState = userState;
    this.logger = logger;
    const settings = config ?? parseConfig({});
    const setup = conversation ?? createConversation(settings.knowledgePack);
    this.pack = setup.pack;
    this.languages = setup.languages ?? otherLanguages();
    this.languageIdentifier = languageIdentifier;
    this.retentionHours = settings.retentionHours;
    this.conversationData = conversationState.createProperty<ConversationData>('conversationData');
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.riskMemory = conversationState.createProperty<RiskMemory>('riskMemory');
    this.profile = withDefaultAudience(conversationState.createProperty<EarlyHelpProfile>('earlyHelpProfile'));
    this.mainDialog = new MainDialog({
      pack: setup.pack,
      triage: setup.triage,
      profile: this.profile,
      privacy: { retentionHours: settings.retentionHours, logMessageText: settings.logMessageText },
    });
    this.riskGate = new RiskGate(setup.pack, setup.triage);
    this.riskGate.warmUp();

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (joined.length > 0) await this.welcome(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      const data = await this.conversationData.get(context, { messageCount: 0 });
      data.messageCount += 1;
      await this.handleMessage(context);
      await next();
    });
  }

  /**
   * Whether this turn's message indicates risk: the same decision the risk step makes (kept in
   * turn state, so it is made once). The input guard asks it before turning a message away.
   */
  async riskIndicated(context: TurnContext): Promise<boolean> {
    if (context.activity.type !== ActivityTypes.Message) return false;
    const memory = await this.riskMemory.get(context, emptyRiskMemory());
    return this.riskGate.assessTurn(context, riskContext(memory, await this.who(context))) !== undefined;
  }

  /**
   * Who is asking, as the conversation knows it so far, the language of this message when it
   * is not English, and whether it replies to a question (the same for the risk step and its guard).
   */
  private async who(context: TurnContext): Promise<{ audience?: EarlyHelpProfile['audience']; ageBand?: EarlyHelpProfile['ageBand']; language?: string; answering?: boolean }> {
    const profile = await this.profile.get(context, emptyProfile());
    const language = (await this.languageOf(context))?.code;
    const answering = await this.mainDialog.waitingForAnswer(context, this.dialogState);
    return { audience: profile.audience, ageBand: profile.ageBand, ...(language ? { language } : {}), ...(answering ? { answering } : {}) };
  }

  /**
   * The language of this turn's message, when the model is sure it is one the bot has a notice
   * for; worked out once per turn (the input guard and the risk step both ask).
   */
  private async languageOf(context: TurnContext): Promise<OtherLanguage | undefined> {
    if (context.turnState.has(TURN_LANGUAGE)) return context.turnState.get(TURN_LANGUAGE) as OtherLanguage | undefined;
    const text = context.activity.type === ActivityTypes.Message ? context.activity.text : undefined;
    let language: OtherLanguage | undefined;
    if (this.languageIdentifier && text && text.trim() !== '') {
      const guess = await this.languageIdentifier.identify(text);
      if (guess.confidence >= LANGUAGE_CONFIDENCE) language = this.languages.language(guess.code);
    }
    context.turnState.set(TURN_LANGUAGE, language);
    return language;
  }

  /** For GET /ready: the pack this bot serves, and whether its triage engine reads messages. */
  readiness(): BotReadiness {
    return { pack: { id: this.pack.meta.id, version: this.pack.meta.version, services: this.pack.services.length }, triage: this.riskGate.ready };
  }

  /** Saves conversation and user state once, at the end of every turn. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  /**
   * An invoke nothing here handles gets a 400 with a short JSON error (the SDK's default is a
   * bare 501): a program learns plainly that the bot does not take it.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    // The SDK reads value.action.type of a card action without checking it is there (any channel
    // could send one without), which failed the turn: a malformed one is a 400 here.
    if (context.activity.name === 'adaptiveCard/action' && !isCardAction(context.activity.value)) {
      return { status: StatusCodes.BAD_REQUEST, body: { error: 'An adaptiveCard/action invoke needs a value with an action of a known type.' } };
    }
    const response = await super.onInvokeActivity(context);
    if (response.status !== StatusCodes.NOT_IMPLEMENTED) return response;
    return { status: StatusCodes.BAD_REQUEST, body: { error: `This bot does not handle the invoke "${String(context.activity.name ?? '').slice(0, 100)}".` } };
  }

  protected async welcome(context: TurnContext): Promise<void> {
    await this.profile.set(context, emptyProfile());
    const profile = await this.profile.get(context, emptyProfile());
    await context.sendActivity(welcomeActivity(this.pack, this.retentionHours, profile.audience));
  }

  protected async handleMessage(context: TurnContext): Promise<void> {
    const risk = await runRiskTurn(context, this.riskGate, this.riskMemory, await this.who(context));
    if (risk.kind === 'handled') {
      // Who the message is about and how old ("my daughter 12 ..."), so neither is asked again
      // when the conversation goes on: the readings, never the words.
      await this.mainDialog.noteWho(context);
      // Which route and how sure, never the words: enough to audit, nothing to identify.
      this.logger.info({ event: 'risk.route', route: risk.route, confidence: risk.confidence }, 'risk route given');
      // Said in another language: the contacts, then the notice in that language.
      const language = this.languages.language(risk.language) ?? (await this.languageOf(context));
      if (language) await context.sendActivity(otherLanguageNotice(language));
      return;
    }
    if (risk.kind === 'followed-up') {
      this.logger.info({ event: 'risk.followUp', route: risk.route, followUp: risk.followUp }, 'risk follow-up answered');
      return;
    }
    if (risk.kind === 'declined') {
      // "No" to the check-in: on with the worry that message told, when the conversation was
      // waiting for one; otherwise back to the waiting question, or an invitation to say more.
      if (risk.worry && (await this.mainDialog.continueWithWorry(context, this.dialogState, risk.worry))) return;
      if (!(await this.mainDialog.repromptWaiting(context, this.dialogState))) await context.sendActivity(riskCheckCarryOn);
      return;
    }
    if (await this.answeredInOtherLanguage(context)) return;
    // Going on from a risk reply ("carry on", "what do I do now"): with the worry it answered, when
    // who it is about is known (from that message or before); otherwise "Who is asking?" comes
    // first, as it would have, so the services fit the person.
    if (risk.worry && (await this.knowsWho(context)) && (await this.mainDialog.continueWithWorry(context, this.dialogState, risk.worry))) return;
    await this.mainDialog.run(context, this.dialogState);
  }

  private async knowsWho(context: TurnContext): Promise<boolean> {
    const profile = await this.profile.get(context, emptyProfile());
    return profile.audience !== undefined || profile.about !== undefined;
  }

  /**
   * A message in a language the bot has a notice for gets that notice, with the contacts for
   * anyone in danger (the bot cannot read it, so it cannot rule risk out), and the same in
   * English, instead of English questions it cannot read. Which language, never the words, is logged.
   */
  private async answeredInOtherLanguage(context: TurnContext): Promise<boolean> {
    const language = await this.languageOf(context);
    if (!language) return false;
    this.logger.info({ event: 'language.notice', language: language.code }, 'notice in another language');
    await context.sendActivity(otherLanguageNotice(language, dangerContacts(this.pack, turnInstant(context.activity))));
    return true;
  }
}

/** The shape the SDK's adaptive card invoke handler reads without checking. */
function isCardAction(value: unknown): boolean {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  return typeof value === 'object' && value !== null && typeof action === 'object' && action !== null && typeof (action as { type?: unknown }).type === 'string';
}
