import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { jsonShapeProblem } from './jsonShape';

/** Bot Framework activities are small; cards and Teams invokes stay far below this. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Longest id a channel gives (Teams' are about 150 characters); longer ones are refused, not stored. */
export const MAX_ID_LENGTH = 512;
const id = () => z.string().max(MAX_ID_LENGTH);

/**
 * The least an activity needs before the adapter may see it. Everything else passes through
 * untouched: channels add fields freely.
 */
export const ActivityBody = z.looseObject({
  type: z.string().min(1),
  id: id().optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url().max(2048),
  conversation: z.looseObject({ id: id().min(1) }),
  from: z.looseObject({ id: id().min(1) }),
  recipient: z.looseObject({ id: id() }).optional(),
  replyToId: id().optional(),
  text: z.string().nullish(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).nullish(),
  membersAdded: z.array(z.looseObject({ id: id() })).max(100).nullish(),
  deliveryMode: z.string().optional(),
});
export type ActivityBody = z.infer<typeof ActivityBody>;

export type BodyResult =
  | { ok: true; activity: ActivityBody }
  | { ok: false; status: 400 | 413 | 415; error: string };

function isJsonContentType(header: string | undefined): boolean {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' || Boolean(type?.startsWith('application/') && type.endsWith('+json'));
}

async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'unreadable'> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return 'too-large';
      chunks.push(chunk as Buffer);
    }
  } catch {
    // The client hung up mid-body ("aborted"): bad input, not a server failure. It was logged
    // as an error with a 500 nobody could receive, so any client could write error lines at will.
    return 'unreadable';
  }
  return Buffer.concat(chunks);
}

/** Reads and checks a POST /api/messages body, turning every kind of bad input into a 4xx. */
export async function readActivityBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (!isJsonContentType(req.headers['content-type'])) {
    return { ok: false, status: 415, error: 'Content-Type must be application/json.' };
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return { ok: false, status: 413, error: `Body is larger than ${limit} bytes.` };
  }
  const raw = await readLimited(req, limit);
  if (raw === 'too-large') return { ok: false, status: 413, error: `Body is larger than ${limit} bytes.` };
  if (raw === 'unreadable') return { ok: false, status: 400, error: 'The request body could not be read.' };

  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'Body is not valid JSON.' };
  }
  const shape = jsonShapeProblem(json);
  if (shape) return { ok: false, status: 400, error: `Body is not a Bot Framework activity: ${shape}.` };
  const parsed = ActivityBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    return { ok: false, status: 400, error: `Body is not a Bot Framework activity: ${where}: ${issue.message}.` };
  }
  return { ok: true, activity: parsed.data };
}
