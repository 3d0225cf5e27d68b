import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

/** Configuration problems are reported by variable name, so an operator can fix the right line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export const STORAGE_KINDS = ['lowdb', 'memory', 'blob'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export type AppType = (typeof APP_TYPES)[number];
export type StorageKind = (typeof STORAGE_KINDS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  port: number;
  host: string;
  /**
   * Hosts the bot may post replies to (an activity's serviceUrl); "*.example.com" matches any
   * subdomain. Without it, anyone could make the bot send requests wherever they liked.
   */
  serviceUrlHosts: string[];
  appType: AppType;
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  /** False when MicrosoftAppId is empty: local use only, requests are not authenticated. */
  authenticated: boolean;
  /** Absolute path of the embedded store. */
  dataDir: string;
  retentionHours: number;
  retentionSweepMinutes: number;
  storage: StorageKind;
  /** Where STORAGE=blob keeps state; undefined for the other stores. */
  blob?: BlobSettings;
  logLevel: LogLevel;
  logMessageText: boolean;
  /** Salt for hashing conversation ids in logs; a random per-process salt when not set. */
  logHashSalt?: string;
  knowledgePack: string;
  /** Public https base URL of the bot, without a trailing slash. */
  publicUrl?: string;
  directLineSecret?: string;
}

/**
 * Azure Blob storage for STORAGE=blob: exactly one of a connection string (account key or SAS)
 * or an account URL reached with the bot's managed identity (DefaultAzureCredential).
 */
export interface BlobSettings {
  connectionString?: string;
  /** https://<account>.blob.core.windows.net, without a trailing slash. */
  accountUrl?: string;
  container: string;
}

const positiveNumber = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0) {
        ctx.addIssue({ code: 'custom', message: 'must be a positive number' });
        return z.NEVER;
      }
      return value;
    });

const port = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return 3978;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > 65535) {
      ctx.addIssue({ code: 'custom', message: 'must be a whole number from 0 to 65535' });
      return z.NEVER;
    }
    return value;
  });

const flag = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return false;
    const value = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const oneOf = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z
    .enum(values, { error: `must be one of ${values.join(', ')}` })
    .optional()
    .transform((value) => value ?? fallback);

/** The setting as a URL, or undefined after an issue saying what it must be. */
function urlOrIssue(raw: string, ctx: z.RefinementCtx, mustBe: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: mustBe });
    return undefined;
  }
}

const publicUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    const url = urlOrIssue(raw, ctx, 'must be an absolute URL such as https://bot.example.org');
    if (!url) return z.NEVER;
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) {
      ctx.addIssue({ code: 'custom', message: 'must use https (http is allowed only for localhost)' });
      return z.NEVER;
    }
    return url.toString().replace(/\/+$/, '');
  });

// Only the shape is checked here (config stays free of the Azure SDK); the SDK reads the string
// itself when the store opens. Messages never repeat the value: it holds a key or a SAS.
const connectionString = z
  .string()
  .optional()
  .superRefine((raw, ctx) => {
    if (raw === undefined) return;
    const pairs = new Map<string, string>();
    for (const part of raw.split(';').filter((p) => p.trim() !== '')) {
      const at = part.indexOf('=');
      if (at > 0) pairs.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
    }
    const ok =
      pairs.get('usedevelopmentstorage') === 'true' ||
      (Boolean(pairs.get('accountname')) && Boolean(pairs.get('accountkey'))) ||
      (Boolean(pairs.get('blobendpoint')) && Boolean(pairs.get('sharedaccesssignature')));
    if (!ok) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be an Azure Storage connection string: AccountName=...;AccountKey=...; (from the storage account\'s Access keys), BlobEndpoint=...;SharedAccessSignature=...; or UseDevelopmentStorage=true',
      });
    }
  });

const accountUrl = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    const url = urlOrIssue(raw, ctx, 'must be the storage account\'s blob URL, e.g. https://earlyhelp.blob.core.windows.net');
    if (!url) return z.NEVER;
    // The Azure SDK sends a managed identity's token over https only.
    if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'must use https (a managed identity\'s token is never sent over http)' });
      return z.NEVER;
    }
    // A SAS in the URL would be a secret in a setting that looks harmless: that is what
    // BLOB_CONNECTION_STRING is for.
    if (url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must be a plain account URL with no query (put a SAS in BLOB_CONNECTION_STRING instead)' });
      return z.NEVER;
    }
    return url.toString().replace(/\/+$/, '');
  });

/** The Bot Framework channels' service hosts (Teams, Web Chat and Direct Line, the Emulator's public ones). */
export const BOT_FRAMEWORK_HOSTS = ['*.botframework.com', 'smba.trafficmanager.net', '*.trafficmanager.net', '*.botframework.us', '*.botframework.azure.us'];
/** Without authentication: only this machine (the Emulator, tests). */
export const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Whether a serviceUrl's host is on the allow-list. */
export function serviceUrlAllowed(serviceUrl: string, hosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(serviceUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
}

const EnvSchema = z.object({
  PORT: port,
  HOST: z.string().optional(),
  SERVICE_URL_HOSTS: z
    .string()
    .optional()
    .transform((raw) => (raw === undefined ? undefined : raw.split(/[\s,]+/).filter(Boolean).map((h) => h.toLowerCase()))),
  MicrosoftAppType: oneOf(APP_TYPES, 'MultiTenant'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  DATA_DIR: z.string().optional().transform((v) => v ?? './data'),
  RETENTION_HOURS: positiveNumber(24),
  RETENTION_SWEEP_MINUTES: positiveNumber(15),
  STORAGE: oneOf(STORAGE_KINDS, 'lowdb'),
  BLOB_CONNECTION_STRING: connectionString,
  BLOB_ACCOUNT_URL: accountUrl,
  BLOB_CONTAINER: z
    .string()
    // Azure's own rule for container names; checked here so a typo is named at start-up rather
    // than coming back as a 400 from the service.
    .regex(/^(?=.{3,63}$)[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'must be 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit (e.g. early-help-state)',
    })
    .optional(),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  LOG_MESSAGE_TEXT: flag,
  LOG_HASH_SALT: z
    .string()
    .min(16, { error: 'must be at least 16 characters' })
    .optional(),
  KNOWLEDGE_PACK: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'must be a pack name in lower case letters, digits and hyphens (e.g. bathnes)',
    })
    .optional()
    .transform((v) => v ?? 'bathnes'),
  PUBLIC_URL: publicUrl,
  DIRECT_LINE_SECRET: z.string().optional(),
});

type Env = Record<string, string | undefined>;

/**
 * Validates an environment and returns the typed configuration. Pure: no I/O, no process access,
 * so tests can call it with any object. Throws ConfigError naming each bad variable.
 */
export function parseConfig(env: Env, cwd: string = process.cwd()): AppConfig {
  // Blank values in .env files (`MicrosoftAppId=`) mean "not set".
  const cleaned: Env = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key]?.trim();
    cleaned[key] = value === '' ? undefined : value;
  }

  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const e = parsed.data;

  const problems: string[] = [];
  if (e.MicrosoftAppId) {
    if (e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
      problems.push(`MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is ${e.MicrosoftAppType}`);
    }
    if (e.MicrosoftAppType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
      problems.push(`MicrosoftAppTenantId is required when MicrosoftAppType is ${e.MicrosoftAppType}`);
    }
  } else if (e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppId is required when MicrosoftAppPassword is set');
  }
  if (e.STORAGE === 'blob') {
    if (!e.BLOB_CONNECTION_STRING && !e.BLOB_ACCOUNT_URL) {
      problems.push('BLOB_CONNECTION_STRING (or BLOB_ACCOUNT_URL, for a managed identity) is required when STORAGE is blob');
    }
    if (e.BLOB_CONNECTION_STRING && e.BLOB_ACCOUNT_URL) {
      problems.push('BLOB_CONNECTION_STRING and BLOB_ACCOUNT_URL are both set: set one (a connection string, or an account URL for a managed identity)');
    }
    if (!e.BLOB_CONTAINER) problems.push('BLOB_CONTAINER is required when STORAGE is blob (e.g. early-help-state)');
  } else {
    // Blob settings with another store mean the bot would quietly keep state somewhere the
    // operator did not intend (on App Service, a disk each instance has to itself).
    for (const name of ['BLOB_CONNECTION_STRING', 'BLOB_ACCOUNT_URL', 'BLOB_CONTAINER'] as const) {
      if (e[name]) problems.push(`${name} is set but STORAGE is ${e.STORAGE}: set STORAGE=blob to use it, or remove it`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    port: e.PORT,
    // Without authentication anyone who can reach the port is trusted: listen on loopback
    // unless HOST says otherwise.
    host: e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    serviceUrlHosts: e.SERVICE_URL_HOSTS ?? (e.MicrosoftAppId ? BOT_FRAMEWORK_HOSTS : LOCAL_HOSTS),
    appType: e.MicrosoftAppType,
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appTenantId: e.MicrosoftAppTenantId,
    authenticated: Boolean(e.MicrosoftAppId),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    retentionHours: e.RETENTION_HOURS,
    retentionSweepMinutes: e.RETENTION_SWEEP_MINUTES,
    storage: e.STORAGE,
    blob:
      e.STORAGE === 'blob'
        ? { connectionString: e.BLOB_CONNECTION_STRING, accountUrl: e.BLOB_ACCOUNT_URL, container: e.BLOB_CONTAINER! }
        : undefined,
    logLevel: e.LOG_LEVEL,
    logMessageText: e.LOG_MESSAGE_TEXT,
    logHashSalt: e.LOG_HASH_SALT,
    knowledgePack: e.KNOWLEDGE_PACK,
    publicUrl: e.PUBLIC_URL,
    directLineSecret: e.DIRECT_LINE_SECRET,
  };
}

/**
 * Reads configuration once at start-up: an optional `.env` file in the working directory
 * (real environment variables win), then validation.
 */
export function loadConfig(): AppConfig {
  dotenv.config({ quiet: true });
  return parseConfig(process.env);
}

/** The settings object ConfigurationBotFrameworkAuthentication expects. */
export function botFrameworkAuthSettings(
  config: Pick<AppConfig, 'appType' | 'appId' | 'appPassword' | 'appTenantId'>,
): Record<string, string | undefined> {
  return {
    MicrosoftAppType: config.appType,
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppTenantId: config.appTenantId ?? '',
  };
}
