// Loaded into the bot's process by `npm run bench:load` (node --require), never by the bot itself:
// it answers the benchmark's questions over the IPC channel the benchmark opened, so memory
// figures other than resident memory (which the benchmark reads from /proc) come from inside
// the process without an inspector, a debug route or any change to the bot's sources.
//
//   { probe: 'memory', gc?: true }     -> { probe: 'memory', usage: process.memoryUsage(), heap: v8.getHeapStatistics(), spaces }
//   { probe: 'snapshot', file: '...' } -> { probe: 'snapshot', file }   (v8.writeHeapSnapshot, after a collection)
//
// Without an IPC channel (node started some other way) it does nothing.

import v8 from 'node:v8';

interface ProbeRequest {
  probe?: unknown;
  gc?: unknown;
  file?: unknown;
}

const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

if (typeof process.send === 'function') {
  process.on('message', (message: ProbeRequest) => {
    if (message?.probe === 'memory') {
      if (message.gc === true) collect();
      const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
      process.send?.({ probe: 'memory', usage: process.memoryUsage(), heap: v8.getHeapStatistics(), spaces });
    } else if (message?.probe === 'snapshot' && typeof message.file === 'string') {
      collect();
      const file = v8.writeHeapSnapshot(message.file);
      process.send?.({ probe: 'snapshot', file });
    }
  });
  // The channel must not keep the process alive on its own: the bot decides when it exits.
  process.channel?.unref();
}
