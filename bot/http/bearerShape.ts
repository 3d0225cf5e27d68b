// A look at a bearer token's shape before the SDK verifies it. The SDK fetches signing keys
// and throws plain errors (500s, and a plain-text stack on stderr) on tokens that are not
// even the right kind; these are refused here with a 401 and one structured log line. The
// signature itself is still checked by the SDK.

/** Bot Framework channel and Emulator tokens are RS256-signed JWTs. */
const ALGORITHMS = new Set(['RS256']);
/** Clock skew tolerated on nbf and exp, in seconds (the SDK allows five minutes). */
const SKEW_SECONDS = 300;

/** Why the Authorization header cannot hold a valid token, or undefined when it might. */
export function bearerShapeProblem(header: string | undefined, nowSeconds: number): string | undefined {
  if (header === undefined) return undefined; // no token: the SDK answers 401 itself
  const match = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) return 'malformed';
  const [, head, body, signature] = match;
  if (signature === '') return 'unsigned';
  let header_: { alg?: unknown };
  let payload: { nbf?: unknown; exp?: unknown };
  try {
    header_ = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return 'malformed';
  }
  if (typeof header_ !== 'object' || header_ === null || !ALGORITHMS.has(String(header_.alg))) return 'algorithm';
  if (typeof payload !== 'object' || payload === null) return 'malformed';
  if (typeof payload.nbf === 'number' && payload.nbf > nowSeconds + SKEW_SECONDS) return 'not-yet-valid';
  if (typeof payload.exp === 'number' && payload.exp < nowSeconds - SKEW_SECONDS) return 'expired';
  return undefined;
}
