import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { gzipOf, loadAsset, projectRoot, webChatBundlePath, webChatVersion, type Asset } from './assets';
import { AzureTokenClient } from './azureTokens';
import type { ClientLimits } from './clientLimits';
import type { ConversationStore } from './conversations';
import { DIRECT_LINE_BASE } from './directLineRoutes';
import { HttpError, readJsonBody, sendError, sendJson } from './http';
import type { TextLine } from './linkOrigins';
import { applyCommonHeaders, applyCors, applyPageHeaders } from './securityHeaders';
import type { WebChatSettings } from './settings';
import type { TokenIssuer } from './tokens';
import { privacySections, retentionPromise } from '../../dialogs/wording';

export interface PageDeps {
  settings: WebChatSettings;
  store: ConversationStore;
  tokens: TokenIssuer;
  linkOrigins: string[];
  /** The pack's text lines, which the page makes into sms: links. */
  textLines?: TextLine[];
  limits: ClientLimits;
  isStopping?: () => boolean;
  /** The pack's council, named in the page's header (the bot names it in its welcome). */
  councilName?: string;
  /** The pack's page on how the council handles personal data (pack.json privacyNotice), for the privacy page. */
  privacyNoticeUrl?: string;
  /** RETENTION_HOURS: the page's privacy note makes the welcome's promise. */
  retentionHours: number;
  /** RETENTION_SWEEP_MINUTES and LOG_MESSAGE_TEXT, for the privacy page. */
  sweepMinutes: number;
  logMessageText: boolean;
}

/** What the page needs to know to start: which Direct Line to use, where quick exit goes. */
export interface PageConfig {
  mode: WebChatSettings['mode'];
  /** Relative to the bot's origin in embedded mode; absolute (Azure) in production. */
  directLineDomain: string;
  webSocket: boolean;
  tokenUrl: string;
  exitUrl: string;
  botName: string;
  locale: string;
  linkOrigins: string[];
  textLines: TextLine[];
}

/**
 * The page at `/`, the Web Chat bundle, the embed snippet's script and styles, the page
 * configuration and the token endpoint the page calls first.
 */
export function registerPageRoutes(server: Server, deps: PageDeps): void {
  const { settings } = deps;
  const root = projectRoot();
  const page = loadAsset(path.join(root, 'bot', 'webchat', 'public', 'index.html'));
  const privacyPage = loadAsset(path.join(root, 'bot', 'webchat', 'public', 'privacy.html'));
  // The skip link, the quick exit and the council's header, the same on every page.
  const siteTop = loadAsset(path.join(root, 'bot', 'webchat', 'public', 'site-top.html'))
    .body.toString('utf8')
    .replace(/\n$/, '')
    .replaceAll('__EXIT_URL__', escapeHtml(settings.exitUrl))
    .replaceAll('__COUNCIL_NAME__', escapeHtml(deps.councilName ?? 'Your council'));
  const assets: Record<string, Asset> = {
    'webchat.js': loadAsset(webChatBundlePath()),
    'embed.js': loadAsset(path.join(root, 'deployment', 'webchat', 'embed.js')),
    'embed.css': loadAsset(path.join(root, 'deployment', 'webchat', 'embed.css')),
    'page.css': loadAsset(path.join(root, 'bot', 'webchat', 'public', 'page.css')),
  };
  const version = webChatVersion();
  const azure = settings.mode === 'azure' && settings.directLineSecret
    ? new AzureTokenClient(settings.directLineEndpoint, settings.directLineSecret)
    : undefined;

  const config: PageConfig = {
    mode: settings.mode,
    directLineDomain: settings.mode === 'azure' ? `${settings.directLineEndpoint}/v3/directline` : DIRECT_LINE_BASE,
    webSocket: settings.mode === 'azure' || settings.webSocket,
    tokenUrl: '/api/directline/token',
    exitUrl: settings.exitUrl,
    botName: settings.botName,
    locale: 'en-GB',
    linkOrigins: deps.linkOrigins,
    textLines: deps.textLines ?? [],
  };

  const sendAsset = (req: Request, res: Response, asset: Asset, cacheControl: string) => {
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && asset.body.length > 1024;
    const body = gzip ? gzipOf(asset) : asset.body;
    const headers: Record<string, string | number> = {
      'Content-Type': asset.contentType,
      'Content-Length': body.length,
      'Cache-Control': cacheControl,
      Vary: 'Accept-Encoding',
    };
    if (gzip) headers['Content-Encoding'] = 'gzip';
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  // A fresh nonce per response lets Web Chat's own <style> elements through the CSP.
  const pageTemplate = page.body
    .toString('utf8')
    .replace('__SITE_TOP__', siteTop)
    .replaceAll('__RETENTION_PROMISE__', escapeHtml(retentionPromise(deps.retentionHours, settings.conversationIdleMinutes)));
  const servePage = async (req: Request, res: Response) => {
    const nonce = randomBytes(16).toString('base64');
    applyPageHeaders(res, settings, nonce);
    const html = pageTemplate.replaceAll('__STYLE_NONCE__', nonce);
    sendAsset(req, res, { body: Buffer.from(html), contentType: page.contentType }, 'no-store');
  };
  server.get('/', servePage);

  // How what people type is kept, made from the same settings as the welcome and the footer.
  const sections = privacySections({
    councilName: deps.councilName ?? 'Your council',
    retentionHours: deps.retentionHours,
    sweepMinutes: deps.sweepMinutes,
    idleMinutes: settings.conversationIdleMinutes,
    logMessageText: deps.logMessageText,
    azureDirectLine: settings.mode === 'azure',
    ...(deps.privacyNoticeUrl ? { privacyNoticeUrl: deps.privacyNoticeUrl } : {}),
  });
  const privacyHtml = Buffer.from(
    privacyPage.body
      .toString('utf8')
      .replace('__SITE_TOP__', siteTop)
      .replace(
        '__PRIVACY_SECTIONS__',
        sections.map((section) => `      <h2>${escapeHtml(section.heading)}</h2>\n${section.paragraphs.map((p) => `      <p>${escapeHtml(p)}</p>`).join('\n')}`).join('\n'),
      ),
  );
  const servePrivacy = async (req: Request, res: Response) => {
    applyPageHeaders(res, settings, randomBytes(16).toString('base64'));
    sendAsset(req, res, { body: privacyHtml, contentType: privacyPage.contentType }, 'no-cache');
  };
  server.get('/privacy', servePrivacy);
  server.head('/privacy', servePrivacy);
  // Browsers ask for this unprompted; an empty answer keeps the console clean.
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    applyCommonHeaders(res);
    res.writeHead(204, { 'Cache-Control': 'public, max-age=86400' });
    res.end();
  });
  server.head('/', servePage);

  for (const [name, asset] of Object.entries(assets)) {
    server.get(`/webchat/${name}`, async (req: Request, res: Response) => {
      applyCommonHeaders(res);
      // A council's own page loads these with <script>/<link>: allow that, and nothing else.
      res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
      // The bundle's URL carries its version (?v=), so it can be cached; our files may change with any release.
      const versioned = name === 'webchat.js' && new URL(req.url ?? '/', 'http://x').searchParams.get('v') === version;
      sendAsset(req, res, asset, versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
  }

  server.get('/webchat/config.json', async (req: Request, res: Response) => {
    applyCommonHeaders(res);
    applyCors(req, res, settings);
    sendJson(res, 200, { ...config, webChatVersion: version });
  });

  server.opts('/api/directline/token', async (req: Request, res: Response) => {
    applyCommonHeaders(res);
    applyCors(req, res, settings);
    res.writeHead(204);
    res.end();
  });

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    applyCommonHeaders(res);
    applyCors(req, res, settings);
    try {
      await readJsonBody(req, 1024, { optional: true });
      if (deps.isStopping?.()) throw new HttpError(503, 'The chat is restarting. Please try again in a few seconds. If someone is in immediate danger, call 999.', { 'Retry-After': '5' });
      const client = deps.limits.keyOf(req);
      await deps.limits.consume('conversation', client);
      if (azure) {
        const issued = await azure.generate();
        sendJson(res, 200, { token: issued.token, conversationId: issued.conversationId, expires_in: issued.expiresIn, userId: issued.userId });
        return;
      }
      const conversation = deps.store.create(client);
      const issued = deps.tokens.issue(conversation.id, conversation.userId);
      sendJson(res, 200, { token: issued.token, conversationId: conversation.id, expires_in: issued.expiresIn, userId: conversation.userId });
    } catch (error) {
      sendError(res, error);
    }
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
