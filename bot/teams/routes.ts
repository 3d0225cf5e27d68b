import fs from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { KnowledgePack } from '../../knowledge/schema/pack';
import { directoryFilters, directoryQuerySchema, searchDirectory } from './directorySearch';

// HTTP routes of the Teams app (restify 11 wants async handlers when they take no `next`): the directory tab page Teams frames, its assets (our own
// copy of the Teams JavaScript client library, so the page loads nothing from elsewhere),
// the JSON API the tab reads, and the about, privacy and terms pages the manifest links to.

/** bot/teams/public, whether this runs from source (jest) or compiled into dist/ (tsc copies no HTML). */
export const PUBLIC_DIR = [path.join(__dirname, 'public'), path.resolve(__dirname, '..', '..', '..', 'bot', 'teams', 'public')].find((dir) =>
  fs.existsSync(path.join(dir, 'tab.html')),
) ?? path.join(__dirname, 'public');

/**
 * Teams frames the tab from these hosts (desktop, web and the Microsoft 365 hosts).
 * Anywhere else may not frame it.
 */
export const FRAME_ANCESTORS = ["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.office.com', 'https://*.cloud.microsoft'];

/**
 * teams-js fetches the current list of Teams host origins from Microsoft's CDN when it loads
 * (it falls back to a built-in list when it cannot).
 */
export const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

/** Our own origin only, plus what teams-js needs: the page, script, styles, teams-js and the API all come from here. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const TEAMS_JS_BUNDLE = require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');

interface StaticFile {
  body: Buffer;
  type: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function readStatic(file: string): StaticFile {
  return { body: fs.readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

function sendStatic(res: Response, file: StaticFile, cache: string): void {
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': file.body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': cache,
  });
  res.end(file.body);
}

function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': status === 200 ? 'public, max-age=300' : 'no-store',
  });
  res.end(text);
}

/**
 * A parameter name as an error message may repeat it. Names come from the client: a 10 KB one
 * was echoed whole, so a 400 could be as long as the URL (found by fuzzing).
 */
function shownName(name: string): string {
  const chars = Array.from(name);
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}...` : name;
}

/** Query string → plain object; a parameter given twice is an error, an empty one is left out. */
export function readQuery(url: string | undefined): { ok: true; query: Record<string, string> } | { ok: false; error: string } {
  const params = new URL(url ?? '/', 'http://localhost').searchParams;
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    // Own keys only: with `in`, "?constructor=1" was refused as given twice.
    if (Object.hasOwn(query, key)) return { ok: false, error: `${shownName(key)}: give it once` };
    if (value.trim() !== '') query[key] = value;
  }
  return { ok: true, query };
}

export interface TeamsRoutesDeps {
  pack: KnowledgePack;
  /** Folder with the tab's HTML, script and styles; bot/teams/public by default. */
  publicDir?: string;
}

export function registerTeamsRoutes(server: Server, { pack, publicDir = PUBLIC_DIR }: TeamsRoutesDeps): void {
  // Read once: the files are small and fixed for the life of the process.
  const pages: Record<string, StaticFile> = {
    tab: readStatic(path.join(publicDir, 'tab.html')),
    about: readStatic(path.join(publicDir, 'about.html')),
    privacy: readStatic(path.join(publicDir, 'privacy.html')),
    terms: readStatic(path.join(publicDir, 'terms.html')),
  };
  const assets: Record<string, StaticFile> = {
    'tab.js': readStatic(path.join(publicDir, 'tab.js')),
    'tab.css': readStatic(path.join(publicDir, 'tab.css')),
    'teams-js.min.js': { body: fs.readFileSync(TEAMS_JS_BUNDLE), type: TYPES['.js'] },
  };
  const filters = directoryFilters(pack);

  for (const [name, page] of Object.entries(pages)) {
    server.get(`/teams/${name}`, async (_req: Request, res: Response) => sendStatic(res, page, 'no-cache'));
  }
  server.get('/teams/static/:file', async (req: Request, res: Response) => {
    const name = String(req.params.file);
    // Own keys only: "toString" or "__proto__" must be a 404, not an inherited property.
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) return sendJson(res, 404, { error: 'No such file.' });
    sendStatic(res, asset, 'public, max-age=3600');
  });

  server.get('/api/directory/filters', async (_req: Request, res: Response) => sendJson(res, 200, filters));

  server.get('/api/directory/services', async (req: Request, res: Response) => {
    const raw = readQuery(req.url);
    if (!raw.ok) return sendJson(res, 400, { error: raw.error });
    const parsed = directoryQuerySchema.safeParse(raw.query);
    if (!parsed.success) {
      const error = parsed.error.issues
        .slice(0, 6)
        .map((issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown parameter ${issue.keys.slice(0, 5).map(shownName).join(', ')}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ''}`
            : `${issue.path.map(String).map(shownName).join('.')} ${issue.message}`,
        )
        .join('; ');
      return sendJson(res, 400, { error });
    }
    sendJson(res, 200, searchDirectory(pack, parsed.data));
  });
}
