// How STORAGE=blob reaches Azure: the SDK's BlobsStorage and a ContainerClient for what
// BlobsStorage cannot do (list for the retention sweep, move a malformed blob aside, probe),
// built from the same settings, and errors that name the setting to fix.
import type { TokenCredential } from '@azure/identity';
import { ContainerClient, RestError, type StoragePipelineOptions, type StorageRetryOptions } from '@azure/storage-blob';
import type { BlobSettings } from '../config';

/**
 * Each request is tried at most 3 times, 0.5 s then 1 s apart: the SDK's default (4 tries, 4 s
 * doubling) can hold a turn far past the 15 s after which the Bot Connector gives up.
 * tryTimeoutInMs is Azure's server-side `timeout` (whole seconds): the service abandons an
 * operation after 5 s. It is not a client-side deadline: BlobsStorage passes no abort signal, so
 * a request into a network that drops packets waits for the operating system's TCP timeouts
 * (see READ_DEADLINE_MS).
 */
export const BLOB_RETRY: StorageRetryOptions = { maxTries: 3, retryDelayInMs: 500, maxRetryDelayInMs: 2_000, tryTimeoutInMs: 5_000 };

/**
 * How long a read (every turn starts with one) or the health probe may take before the store
 * counts as unreachable. Only these are cut short: an abandoned read changes nothing, whereas a
 * write given up on might still land later, over a newer one. Writes wait for the SDK.
 */
export const READ_DEADLINE_MS = 8_000;

/** What BlobsStorage's constructor takes, in its order, plus our own client on the same container. */
export interface BlobClients {
  client: ContainerClient;
  blobsStorageArgs: [connectionString: string, containerName: string, options: { storagePipelineOptions: StoragePipelineOptions }, url?: string, credential?: TokenCredential];
  /** The setting an operator fixes when the service cannot be reached or refuses us. */
  setting: 'BLOB_CONNECTION_STRING' | 'BLOB_ACCOUNT_URL';
}

export class BlobStorageUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'BlobStorageUnavailableError';
  }
}

/**
 * Builds the clients. A managed identity goes through DefaultAzureCredential (App Service and
 * Container Apps' identity in Azure, `az login` on a developer's machine), loaded only when used.
 */
export function blobClients(settings: BlobSettings, retry: StorageRetryOptions = BLOB_RETRY, credential?: TokenCredential): BlobClients {
  const pipeline: StoragePipelineOptions = { retryOptions: retry };
  if (settings.connectionString) {
    let client: ContainerClient;
    try {
      client = new ContainerClient(settings.connectionString, settings.container, pipeline);
    } catch (err) {
      // The SDK's messages name the part that is wrong ("Invalid AccountKey ..."), not its value.
      throw new BlobStorageUnavailableError(
        `Storage: BLOB_CONNECTION_STRING is not a connection string the Azure SDK accepts (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
    return { client, blobsStorageArgs: [settings.connectionString, settings.container, { storagePipelineOptions: pipeline }], setting: 'BLOB_CONNECTION_STRING' };
  }
  if (!settings.accountUrl) throw new BlobStorageUnavailableError('Storage: STORAGE=blob needs BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL.');
  const containerUrl = `${settings.accountUrl}/${settings.container}`;
  const token = credential ?? defaultAzureCredential();
  return {
    client: new ContainerClient(containerUrl, token, pipeline),
    // BlobsStorage (4.23) takes a container URL and a TokenCredential as its 4th and 5th arguments
    // and then ignores the first two.
    blobsStorageArgs: ['', '', { storagePipelineOptions: pipeline }, containerUrl, token],
    setting: 'BLOB_ACCOUNT_URL',
  };
}

function defaultAzureCredential(): TokenCredential {
  const { DefaultAzureCredential } = require('@azure/identity') as typeof import('@azure/identity');
  return new DefaultAzureCredential();
}

/** The host only: a SAS connection string puts its signature in the client's URL. */
export function hostOf(client: ContainerClient): string {
  try {
    return new URL(client.url).host;
  } catch {
    return 'the storage account';
  }
}

function statusOf(err: unknown): number | undefined {
  return err instanceof RestError ? err.statusCode : undefined;
}

function serviceCodeOf(err: unknown): string | undefined {
  const details = (err as { details?: { errorCode?: unknown } } | undefined)?.details;
  if (typeof details?.errorCode === 'string') return details.errorCode;
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Errors @azure/identity throws when no credential works, by name (the module may not be loaded). */
const CREDENTIAL_ERRORS = new Set(['CredentialUnavailableError', 'AuthenticationError', 'AggregateAuthenticationError']);

/**
 * A short code when `err` means "the store cannot be used right now" (unreachable, timing out,
 * refusing our credentials, failing on its side, the container gone) rather than a bad item or
 * an eTag conflict; otherwise undefined. Such a failure is a StorageFaultError to the turn.
 */
export function blobFaultCode(err: unknown): string | undefined {
  const name = (err as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && CREDENTIAL_ERRORS.has(name)) return 'credential';
  if (name === 'AbortError') return 'timeout';
  if (!(err instanceof RestError)) return undefined;
  const status = err.statusCode;
  const code = serviceCodeOf(err);
  if (status === undefined) return code ?? 'unreachable';
  if (status >= 500 || status === 401 || status === 403) return code ?? `HTTP ${status}`;
  if (status === 404 && code === 'ContainerNotFound') return code;
  return undefined;
}

/** The start-up error for a failed first contact, naming the setting to check. */
export function describeStartupFailure(err: unknown, clients: BlobClients, container: string): BlobStorageUnavailableError {
  const host = hostOf(clients.client);
  const { setting } = clients;
  const name = (err as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && CREDENTIAL_ERRORS.has(name)) {
    return new BlobStorageUnavailableError(
      `Storage: no Azure credential could get a token for BLOB_ACCOUNT_URL (${host}): give the bot a managed identity (or run az login locally), or use BLOB_CONNECTION_STRING. ${firstLine(err)}`,
      err,
    );
  }
  const status = statusOf(err);
  const code = serviceCodeOf(err);
  const answer = code ? `${status} ${code}` : String(status);
  if (status === undefined) {
    return new BlobStorageUnavailableError(
      `Storage: Azure Blob storage at ${host} could not be reached (${code ?? firstLine(err)}); check ${setting} and that the bot can reach it.`,
      err,
    );
  }
  if (status === 401 || status === 403) {
    const hint =
      setting === 'BLOB_ACCOUNT_URL'
        ? `give the bot's managed identity the "Storage Blob Data Contributor" role on the account or on container "${container}"`
        : 'check the account key or SAS (and its permissions and expiry)';
    return new BlobStorageUnavailableError(`Storage: Azure Blob storage at ${host} refused the credentials in ${setting} (${answer}); ${hint}.`, err);
  }
  return new BlobStorageUnavailableError(
    `Storage: Azure Blob storage at ${host} answered ${answer} when opening container "${container}"; check ${setting} and BLOB_CONTAINER.`,
    err,
  );
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0];
}
