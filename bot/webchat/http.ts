import type { Request, Response } from 'restify';
import { jsonShapeProblem } from '../http/jsonShape';

/** A request the channel refuses, with the status and short message a program gets back. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429 or 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: Response, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { error: error.message }, error.headers);
  } else {
    sendJson(res, 500, { error: 'Something went wrong on our side. Please try again.' });
  }
}

/**
 * Reads a JSON request body with a size limit. Copes with a body another plugin already
 * parsed (restify's bodyParser), so the channel behaves the same however the server is set up.
 */
export async function readJsonBody(req: Request, maxBytes: number, { optional = false } = {}): Promise<unknown> {
  const parsed = (req as Request & { body?: unknown }).body;
  const raw = (req as Request & { rawBody?: unknown }).rawBody;
  if (parsed !== undefined || raw !== undefined) {
    const size = typeof raw === 'string' || Buffer.isBuffer(raw) ? Buffer.byteLength(raw) : 0;
    if (size > maxBytes) throw new HttpError(413, `Request body is larger than ${maxBytes} bytes.`);
    if (typeof parsed === 'string' || Buffer.isBuffer(parsed)) return parseJson(parsed.toString(), optional);
    if (parsed === undefined && (typeof raw === 'string' || Buffer.isBuffer(raw))) return parseJson(raw.toString(), optional);
    return checkedShape(parsed);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new HttpError(413, `Request body is larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `Request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve());
    req.on('error', () => reject(new HttpError(400, 'The request body could not be read.')));
  });
  return parseJson(Buffer.concat(chunks).toString('utf8'), optional);
}

function parseJson(text: string, optional: boolean): unknown {
  if (text.trim() === '') {
    if (optional) return undefined;
    throw new HttpError(400, 'Request body must be JSON.');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON.');
  }
  return checkedShape(value);
}

/** Deep or sprawling JSON is refused here, before anything could store or echo it. */
function checkedShape(value: unknown): unknown {
  const problem = jsonShapeProblem(value);
  if (problem) throw new HttpError(400, `Request body is not accepted: ${problem}.`);
  return value;
}
