import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import dotenv from 'dotenv';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { loadPack } from '../knowledge/loader';

// Builds the Microsoft Teams app package a council admin uploads: manifest.json and
// the two icons at the root of a zip. The manifest comes from a template with the
// deployment's ids and host filled in, and is checked against the official Teams
// manifest JSON schema shipped in @microsoft/app-manifest before anything is written.
//
//   npm run teams:package            values from the environment or .env
//   npm run teams:package -- --dev   placeholder id and host, for CI and local checks

/** The repository root, whether this runs compiled from dist/scripts or from scripts under jest. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'deployment', 'teams', 'manifest.template.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

const ROOT = findRoot(__dirname);
export const TEAMS_DIR = path.join(ROOT, 'deployment', 'teams');
export const TEMPLATE_PATH = path.join(TEAMS_DIR, 'manifest.template.json');
export const DEFAULT_OUT = path.join(TEAMS_DIR, 'build', 'early-help-assistant.zip');

/** Placeholders used by --dev: clearly not real, but valid for the schema. */
export const DEV_APP_ID = '00000000-0000-4000-8000-000000000000';
export const DEV_PUBLIC_URL = 'https://early-help.example.org';

/** Icon sizes Teams requires; it rejects a package whose icons differ. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

export class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams app package:\n  - ${problems.join('\n  - ')}`);
    this.name = 'TeamsPackageError';
  }
}

export interface PackageValues {
  teamsAppId: string;
  botId: string;
  publicUrl: string;
  host: string;
  appVersion: string;
  developerName: string;
  privacyUrl: string;
  termsUrl: string;
}

export interface BuildOptions {
  env: Record<string, string | undefined>;
  dev?: boolean;
  out?: string;
  templatePath?: string;
  /** Folder holding the icons named in the template. */
  iconsDir?: string;
}

export interface BuildResult {
  out: string;
  manifest: Record<string, unknown>;
  values: PackageValues;
}

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const DEVELOPER_NAME_MAX = 32; // the schema's limit; checked early for a clearer message

function readPackageVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '1.0.0';
}

function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function httpsUrl(name: string, raw: string, problems: string[]): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} must be an absolute https URL such as https://early-help.example.gov.uk (got "${raw}")`);
    return undefined;
  }
  if (url.protocol !== 'https:') {
    problems.push(`${name} must use https: Teams loads tabs and calls bots over https only (got "${raw}")`);
    return undefined;
  }
  if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    problems.push(`${name} must be a public host name that Teams can reach, not ${url.hostname}; use a tunnel or the deployed address`);
    return undefined;
  }
  return url;
}

function defaultDeveloperName(env: Record<string, string | undefined>): string {
  // The publisher shown in Teams is the council running the bot, named by its knowledge pack.
  const pack = loadPack(blankToUndefined(env.KNOWLEDGE_PACK) ?? 'bathnes');
  return `${pack.meta.shortName} Council`;
}

/** Reads and checks the values the template needs; every problem is reported at once, by variable name. */
export function resolveValues(env: Record<string, string | undefined>, dev = false): PackageValues {
  const problems: string[] = [];

  const botIdRaw = blankToUndefined(env.MicrosoftAppId) ?? (dev ? DEV_APP_ID : undefined);
  if (!botIdRaw) {
    problems.push('MicrosoftAppId is not set: give the Microsoft App ID of the Azure Bot resource (a GUID), or use --dev for a placeholder');
  } else if (!GUID.test(botIdRaw)) {
    problems.push(`MicrosoftAppId must be a GUID such as 2f1c1b5e-8c1d-4a43-9a7e-0f6a3c9d2b11 (got "${botIdRaw}")`);
  }

  const teamsAppIdRaw = blankToUndefined(env.TEAMS_APP_ID) ?? botIdRaw;
  if (blankToUndefined(env.TEAMS_APP_ID) && !GUID.test(teamsAppIdRaw ?? '')) {
    problems.push(`TEAMS_APP_ID must be a GUID (got "${teamsAppIdRaw}")`);
  }

  const publicUrlRaw = blankToUndefined(env.PUBLIC_URL) ?? (dev ? DEV_PUBLIC_URL : undefined);
  let publicUrl: URL | undefined;
  if (!publicUrlRaw) {
    problems.push('PUBLIC_URL is not set: give the public https address of the bot, e.g. https://early-help.example.gov.uk, or use --dev');
  } else {
    publicUrl = httpsUrl('PUBLIC_URL', publicUrlRaw, problems);
    if (publicUrl && (publicUrl.search || publicUrl.hash)) {
      problems.push(`PUBLIC_URL must not have a query or fragment (got "${publicUrlRaw}")`);
      publicUrl = undefined;
    }
  }
  const base = publicUrl ? publicUrl.toString().replace(/\/+$/, '') : '';

  const appVersion = blankToUndefined(env.TEAMS_APP_VERSION) ?? readPackageVersion();
  if (!SEMVER.test(appVersion)) {
    problems.push(`TEAMS_APP_VERSION must be a version like 1.2.0 (got "${appVersion}")`);
  }

  let developerName = blankToUndefined(env.TEAMS_DEVELOPER_NAME);
  if (!developerName) {
    try {
      developerName = defaultDeveloperName(env);
    } catch (error) {
      problems.push(`TEAMS_DEVELOPER_NAME is not set and the knowledge pack could not name the council: ${(error as Error).message}`);
    }
  }
  if (developerName && developerName.length > DEVELOPER_NAME_MAX) {
    problems.push(`TEAMS_DEVELOPER_NAME must be at most ${DEVELOPER_NAME_MAX} characters (got ${developerName.length}: "${developerName}")`);
  }

  const optionalUrl = (name: string, fallback: string): string => {
    const raw = blankToUndefined(env[name]);
    if (!raw) return fallback;
    return httpsUrl(name, raw, problems)?.toString() ?? '';
  };
  const privacyUrl = optionalUrl('TEAMS_PRIVACY_URL', `${base}/teams/privacy`);
  const termsUrl = optionalUrl('TEAMS_TERMS_URL', `${base}/teams/terms`);

  if (problems.length > 0) throw new TeamsPackageError(problems);
  return {
    teamsAppId: (teamsAppIdRaw as string).toLowerCase(),
    botId: (botIdRaw as string).toLowerCase(),
    publicUrl: base,
    host: (publicUrl as URL).host,
    appVersion,
    developerName: developerName as string,
    privacyUrl,
    termsUrl,
  };
}

const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;

/** Fills ${{NAME}} placeholders in every string of the template; an unknown name is an error, not a silent gap. */
export function fillTemplate(template: unknown, values: PackageValues): Record<string, unknown> {
  const table: Record<string, string> = {
    TEAMS_APP_ID: values.teamsAppId,
    BOT_ID: values.botId,
    PUBLIC_URL: values.publicUrl,
    HOST: values.host,
    APP_VERSION: values.appVersion,
    DEVELOPER_NAME: values.developerName,
    PRIVACY_URL: values.privacyUrl,
    TERMS_URL: values.termsUrl,
  };
  const unknown = new Set<string>();
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        if (!(name in table)) {
          unknown.add(name);
          return whole;
        }
        return table[name];
      });
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  const filled = walk(template) as Record<string, unknown>;
  if (unknown.size > 0) {
    throw new TeamsPackageError([...unknown].map((name) => `the template uses \${{${name}}}, which the packaging script does not know`));
  }
  return filled;
}

/** Path of the official schema for the template's manifestVersion, from @microsoft/app-manifest. */
export function schemaPathFor(manifestVersion: unknown): string {
  if (typeof manifestVersion !== 'string' || !/^1\.\d+$/.test(manifestVersion)) {
    throw new TeamsPackageError([`manifestVersion must be a released version like "1.22" (got ${JSON.stringify(manifestVersion)})`]);
  }
  try {
    return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  } catch {
    throw new TeamsPackageError([
      `@microsoft/app-manifest has no schema for manifest version ${manifestVersion}; update the package or the template`,
    ]);
  }
}

/** Validates a manifest against the Teams JSON schema; returns readable problems, [] when valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = JSON.parse(fs.readFileSync(schemaPathFor(manifest.manifestVersion), 'utf8')) as { $schema?: string };
  const options = { allErrors: true, strictTypes: false } as const;
  const ajv: Ajv = schema.$schema?.includes('2020-12') ? new Ajv2020(options) : new AjvDraft04(options);
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => {
    const details = error.params && Object.keys(error.params).length > 0 ? ` (${JSON.stringify(error.params)})` : '';
    return `manifest.json${error.instancePath || ''} ${error.message ?? 'is invalid'}${details}`;
  });
}

export interface PngInfo {
  width: number;
  height: number;
  colourType: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads a PNG's size from its header (the first chunk is always IHDR). */
export function readPngInfo(bytes: Buffer): PngInfo | undefined {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

/** Checks each icon the manifest names exists, is a PNG, and has the size Teams requires. */
export function checkIcons(manifest: Record<string, unknown>, iconsDir: string): Map<string, Buffer> {
  const icons = (manifest.icons ?? {}) as Record<string, string>;
  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const name = icons[kind];
    if (!name) {
      problems.push(`manifest icons.${kind} is missing`);
      continue;
    }
    const file = path.join(iconsDir, name);
    if (!fs.existsSync(file)) {
      problems.push(`icon ${name} (icons.${kind}) not found in ${iconsDir}`);
      continue;
    }
    const bytes = fs.readFileSync(file);
    const info = readPngInfo(bytes);
    if (!info) {
      problems.push(`icon ${name} is not a PNG file`);
      continue;
    }
    if (info.width !== size || info.height !== size) {
      problems.push(`icon ${name} must be ${size}x${size} pixels (it is ${info.width}x${info.height})`);
    }
    // The outline icon is drawn by Teams on its own backgrounds: it must carry transparency.
    if (kind === 'outline' && info.colourType !== 6 && info.colourType !== 4) {
      problems.push(`icon ${name} must have a transparent background (PNG with an alpha channel)`);
    }
    files.set(name, bytes);
  }
  if (problems.length > 0) throw new TeamsPackageError(problems);
  return files;
}

/** Builds, validates and writes the package. Nothing is written unless every check passes. */
export async function buildTeamsPackage(options: BuildOptions): Promise<BuildResult> {
  const templatePath = options.templatePath ?? TEMPLATE_PATH;
  const iconsDir = options.iconsDir ?? path.dirname(templatePath);
  const out = path.resolve(options.out ?? DEFAULT_OUT);

  const values = resolveValues(options.env, options.dev ?? false);
  let template: unknown;
  try {
    template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
  } catch (error) {
    throw new TeamsPackageError([`cannot read ${templatePath}: ${(error as Error).message}`]);
  }
  const manifest = fillTemplate(template, values);

  const failures = await validateManifest(manifest);
  if (failures.length > 0) throw new TeamsPackageError(failures);
  const icons = checkIcons(manifest, iconsDir);

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const [name, bytes] of icons) zip.addFile(name, bytes);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  zip.writeZip(out);
  return { out, manifest, values };
}

export interface CliArgs {
  dev: boolean;
  out?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { dev: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--dev') args.dev = true;
    else if (arg === '--out' && argv[i + 1]) args.out = argv[(i += 1)];
    else if (arg.startsWith('--out=')) args.out = arg.slice('--out='.length);
    else throw new TeamsPackageError([`unknown argument "${arg}" (use --dev and/or --out <file.zip>)`]);
  }
  return args;
}

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const args = parseArgs(process.argv.slice(2));
  const result = await buildTeamsPackage({ env: process.env, dev: args.dev, out: args.out });
  const relative = path.relative(process.cwd(), result.out) || result.out;
  console.log(`Teams app package written to ${relative}`);
  console.log(`  manifest ${String(result.manifest.manifestVersion)} valid against the Teams schema; icons 192x192 and 32x32`);
  console.log(`  app id ${result.values.teamsAppId}, bot id ${result.values.botId}, host ${result.values.host}`);
  if (args.dev) console.log('  --dev: placeholder id and host; do not upload this package');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
