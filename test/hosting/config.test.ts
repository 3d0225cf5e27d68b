import path from 'node:path';
import { BOT_FRAMEWORK_HOSTS, botFrameworkAuthSettings, ConfigError, LOCAL_HOSTS, parseConfig, serviceUrlAllowed } from '../../bot/config';

/** The shape of a storage account's connection string; the key is not a real one. */
const AZURE_CS = 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=bm90LWEta2V5;EndpointSuffix=core.windows.net';

const problemsOf = (env: Record<string, string | undefined>): string => {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected parseConfig to fail');
};

describe('safe defaults (no remote caller can aim the bot at another host)', () => {
  test('without an app id the bot listens on loopback and replies only to this machine; with one, on every interface, to the Bot Framework hosts', () => {
    expect(parseConfig({})).toMatchObject({ host: '127.0.0.1', serviceUrlHosts: LOCAL_HOSTS });
    const authed = parseConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' });
    expect(authed).toMatchObject({ host: '0.0.0.0', serviceUrlHosts: BOT_FRAMEWORK_HOSTS });
    expect(parseConfig({ HOST: '0.0.0.0', SERVICE_URL_HOSTS: 'bots.example.gov.uk, *.example.org' })).toMatchObject({
      host: '0.0.0.0',
      serviceUrlHosts: ['bots.example.gov.uk', '*.example.org'],
    });
  });

  test.each([
    ['https://smba.trafficmanager.net/uk/', BOT_FRAMEWORK_HOSTS, true],
    ['https://europe.webchat.botframework.com/', BOT_FRAMEWORK_HOSTS, true],
    ['https://botframework.com.evil.example/', BOT_FRAMEWORK_HOSTS, false],
    ['http://127.0.0.1:8080/admin', BOT_FRAMEWORK_HOSTS, false],
    ['http://127.0.0.1:9/', LOCAL_HOSTS, true],
    ['http://169.254.169.254/latest', LOCAL_HOSTS, false],
    ['not a url', LOCAL_HOSTS, false],
  ])('%s on the allow-list: %s', (url, hosts, allowed) => {
    expect(serviceUrlAllowed(url, hosts)).toBe(allowed);
  });
});

describe('parseConfig', () => {
  test('an empty environment gives the documented defaults', () => {
    const config = parseConfig({}, '/srv/bot');
    expect(config).toEqual({
      port: 3978,
      host: '127.0.0.1',
      serviceUrlHosts: ['localhost', '127.0.0.1', '[::1]'],
      appType: 'MultiTenant',
      appId: undefined,
      appPassword: undefined,
      appTenantId: undefined,
      authenticated: false,
      dataDir: path.resolve('/srv/bot', 'data'),
      retentionHours: 24,
      retentionSweepMinutes: 15,
      storage: 'lowdb',
      logLevel: 'info',
      logMessageText: false,
      logHashSalt: undefined,
      knowledgePack: 'bathnes',
      publicUrl: undefined,
      directLineSecret: undefined,
    });
  });

  test('reads every variable', () => {
    const config = parseConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: 'tenant',
        DATA_DIR: '/var/lib/eha',
        RETENTION_HOURS: '0.5',
        RETENTION_SWEEP_MINUTES: '5',
        STORAGE: 'memory',
        LOG_LEVEL: 'debug',
        LOG_MESSAGE_TEXT: 'true',
        LOG_HASH_SALT: 'a-long-enough-salt-value',
        KNOWLEDGE_PACK: 'somerset',
        PUBLIC_URL: 'https://bot.example.org/',
        DIRECT_LINE_SECRET: 'dl-secret',
      },
      '/ignored',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      appType: 'SingleTenant',
      authenticated: true,
      dataDir: '/var/lib/eha',
      retentionHours: 0.5,
      retentionSweepMinutes: 5,
      storage: 'memory',
      logLevel: 'debug',
      logMessageText: true,
      knowledgePack: 'somerset',
      publicUrl: 'https://bot.example.org',
      directLineSecret: 'dl-secret',
    });
    expect(botFrameworkAuthSettings(config)).toEqual({
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
    });
  });

  test('blank values mean "not set"', () => {
    const config = parseConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '  ', PORT: '' });
    expect(config.authenticated).toBe(false);
    expect(config.port).toBe(3978);
  });

  test('PORT 0 is allowed (a free port, for tests)', () => {
    expect(parseConfig({ PORT: '0' }).port).toBe(0);
  });

  test.each([
    [{ RETENTION_HOURS: '0' }, 'Invalid configuration: RETENTION_HOURS must be a positive number'],
    [{ RETENTION_HOURS: '-3' }, 'RETENTION_HOURS must be a positive number'],
    [{ RETENTION_HOURS: 'a day' }, 'RETENTION_HOURS must be a positive number'],
    [{ RETENTION_SWEEP_MINUTES: '0' }, 'RETENTION_SWEEP_MINUTES must be a positive number'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535'],
    [{ PORT: '80.5' }, 'PORT must be a whole number from 0 to 65535'],
    [{ MicrosoftAppType: 'Anyone' }, 'MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI'],
    [{ STORAGE: 'redis' }, 'STORAGE must be one of lowdb, memory, blob'],
    [{ STORAGE: 'blob', BLOB_CONTAINER: 'state' }, 'BLOB_CONNECTION_STRING (or BLOB_ACCOUNT_URL, for a managed identity) is required when STORAGE is blob'],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS }, 'BLOB_CONTAINER is required when STORAGE is blob'],
    [
      { STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS, BLOB_ACCOUNT_URL: 'https://acct.blob.core.windows.net', BLOB_CONTAINER: 'state' },
      'BLOB_CONNECTION_STRING and BLOB_ACCOUNT_URL are both set: set one',
    ],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'acct.blob.core.windows.net', BLOB_CONTAINER: 'state' }, 'BLOB_CONNECTION_STRING must be an Azure Storage connection string'],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'AccountName=acct;', BLOB_CONTAINER: 'state' }, 'BLOB_CONNECTION_STRING must be an Azure Storage connection string'],
    [{ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'acct', BLOB_CONTAINER: 'state' }, "BLOB_ACCOUNT_URL must be the storage account's blob URL"],
    [{ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'http://acct.blob.core.windows.net', BLOB_CONTAINER: 'state' }, 'BLOB_ACCOUNT_URL must use https'],
    [{ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'https://acct.blob.core.windows.net/?sv=1&sig=x', BLOB_CONTAINER: 'state' }, 'BLOB_ACCOUNT_URL must be a plain account URL with no query'],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS, BLOB_CONTAINER: 'State' }, 'BLOB_CONTAINER must be 3 to 63 lower-case letters'],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS, BLOB_CONTAINER: 'ab' }, 'BLOB_CONTAINER must be 3 to 63 lower-case letters'],
    [{ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS, BLOB_CONTAINER: 'a--b' }, 'BLOB_CONTAINER must be 3 to 63 lower-case letters'],
    [{ BLOB_CONNECTION_STRING: AZURE_CS }, 'BLOB_CONNECTION_STRING is set but STORAGE is lowdb: set STORAGE=blob to use it, or remove it'],
    [{ STORAGE: 'memory', BLOB_CONTAINER: 'state' }, 'BLOB_CONTAINER is set but STORAGE is memory'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ LOG_MESSAGE_TEXT: 'sometimes' }, 'LOG_MESSAGE_TEXT must be true or false'],
    [{ LOG_HASH_SALT: 'short' }, 'LOG_HASH_SALT must be at least 16 characters'],
    [{ KNOWLEDGE_PACK: '../etc' }, 'KNOWLEDGE_PACK must be a pack name'],
    [{ KNOWLEDGE_PACK: 'BathNES' }, 'KNOWLEDGE_PACK must be a pack name'],
    [{ PUBLIC_URL: 'bot.example.org' }, 'PUBLIC_URL must be an absolute URL'],
    [{ PUBLIC_URL: 'http://bot.example.org' }, 'PUBLIC_URL must use https'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword is required when MicrosoftAppId is set'],
    [{ MicrosoftAppPassword: 'pw' }, 'MicrosoftAppId is required when MicrosoftAppPassword is set'],
    [
      { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant',
    ],
  ])('%j is refused with a message naming the variable', (env, expected) => {
    expect(problemsOf(env)).toContain(expected);
  });

  test('every bad variable is named at once', () => {
    const message = problemsOf({ PORT: 'x', STORAGE: 'y' });
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('PORT');
    expect(message).toContain('STORAGE');
  });

  test('a user-assigned managed identity needs no password', () => {
    const config = parseConfig({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: 'id', MicrosoftAppTenantId: 't' });
    expect(config.authenticated).toBe(true);
  });

  test('http is accepted for a localhost PUBLIC_URL', () => {
    expect(parseConfig({ PUBLIC_URL: 'http://localhost:3978' }).publicUrl).toBe('http://localhost:3978');
  });

  test('STORAGE=blob takes a connection string or a managed identity\'s account URL, and a container', () => {
    expect(parseConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: AZURE_CS, BLOB_CONTAINER: 'early-help-state' })).toMatchObject({
      storage: 'blob',
      blob: { connectionString: AZURE_CS, accountUrl: undefined, container: 'early-help-state' },
    });
    expect(parseConfig({ STORAGE: 'blob', BLOB_ACCOUNT_URL: 'https://acct.blob.core.windows.net/', BLOB_CONTAINER: 'state' }).blob).toEqual({
      connectionString: undefined,
      accountUrl: 'https://acct.blob.core.windows.net',
      container: 'state',
    });
    const sas = 'BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2024-11-04&sig=abc%3D';
    expect(parseConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: sas, BLOB_CONTAINER: 'state' }).blob?.connectionString).toBe(sas);
    expect(parseConfig({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'state' }).storage).toBe('blob');
    expect(parseConfig({ STORAGE: 'lowdb' }).blob).toBeUndefined();
  });

  test('a refused connection string is named, never repeated (it holds a key)', () => {
    const message = problemsOf({ STORAGE: 'blob', BLOB_CONNECTION_STRING: 'AccountKey=c2VjcmV0LWtleQ==', BLOB_CONTAINER: 'state' });
    expect(message).toContain('BLOB_CONNECTION_STRING');
    expect(message).not.toContain('c2VjcmV0LWtleQ');
  });

  test('unrelated variables are ignored', () => {
    expect(() => parseConfig({ PATH: '/bin', HOME: '/root', npm_config_x: 'y' })).not.toThrow();
  });
});
