// Imported first by index.ts, before restify loads. restify's HTTP/2 dependency (spdy, via
// http-deceiver) touches a deprecated Node API on load, and Node prints a plain-text warning
// for it at every start. That one is known and harmless; every other warning is still written,
// as a JSON line like the rest of the logs.
const IGNORED = new Set(['DEP0111']);

process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  if (warning.code && IGNORED.has(warning.code)) return;
  process.stderr.write(
    `${JSON.stringify({ level: 40, time: new Date().toISOString(), event: 'process.warning', name: warning.name, code: warning.code, msg: warning.message })}\n`,
  );
});
