// Azurite, Microsoft's Azure Storage emulator (the npm devDependency, pinned to 3.35: 3.36 needs
// Node 22), started by a test on loopback: a free port, data in memory only, no telemetry. If it
// cannot start, the test fails saying why; it never skips.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Azurite's well-known development account (public, documented by Microsoft). */
export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  /** e.g. http://127.0.0.1:41234/devstoreaccount1 */
  blobEndpoint: string;
  connectionString: string;
  port: number;
  /** The same account through another port on loopback (a TcpProxy in front of this Azurite). */
  connectionStringVia(port: number): string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

export async function startAzurite(): Promise<Azurite> {
  try {
    require.resolve('azurite/dist/src/blob/main.js');
  } catch {
    throw new Error('Azurite could not start: the azurite devDependency is not installed (run npm ci).');
  }
  // With --inMemoryPersistence nothing should be written (and --location is refused), but the
  // working directory is a fresh temporary folder anyway, so nothing can land in the repository.
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'eha-azurite-'));
  const proc = spawn(
    process.execPath,
    [
      // Azurite itself, in a process that ends when this one does (see azuriteChild.js).
      path.join(__dirname, 'azuriteChild.js'),
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '64',
      // The SDK may speak a newer service version than this Azurite knows.
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(workspace, { recursive: true, force: true });
  };

  let port: number;
  try {
    port = await listeningPort(proc, output);
  } catch (err) {
    await stop();
    throw err;
  }
  const endpoint = (at: number) => `http://127.0.0.1:${at}/${AZURITE_ACCOUNT}`;
  const connectionString = (at: number) =>
    `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${endpoint(at)};`;
  return {
    blobEndpoint: endpoint(port),
    connectionString: connectionString(port),
    port,
    connectionStringVia: connectionString,
    stop,
  };
}

function listeningPort(proc: ChildProcess, output: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`Azurite could not start: ${why}. Its output: ${output.join('').trim() || '(none)'}`));
    };
    const timer = setTimeout(() => fail(`it did not listen within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    let listening = false;
    // Both pipes are read for the process's whole life: a full pipe would stall Azurite.
    const keep = (chunk: Buffer) => {
      if (output.length < 200) output.push(String(chunk));
    };
    proc.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output.join(''));
      if (match && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    proc.stderr!.on('data', keep);
    proc.once('error', (err) => fail(err.message));
    proc.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`})`));
  });
}

let containers = 0;

/** A container name no other test in this process uses (Azure's rules: 3-63, lower case). */
export function uniqueContainer(prefix = 'test'): string {
  containers += 1;
  return `${prefix}-${process.pid}-${containers}`;
}

/**
 * Starts Azurite before the file's tests and stops it after. A failed start fails every test in
 * the file with Azurite's own message.
 */
export function useAzurite(): { readonly current: Azurite } {
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    azurite = await startAzurite();
  }, START_TIMEOUT_MS + 5_000);
  afterAll(async () => {
    await azurite?.stop();
  });
  return {
    get current(): Azurite {
      if (!azurite) throw new Error('Azurite is not running (see the error from beforeAll)');
      return azurite;
    },
  };
}
