import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from './http';

export interface IssuedToken {
  token: string;
  conversationId: string;
  expiresIn: number;
  userId: string;
}

const GenerateResponse = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().positive(),
});

/**
 * Exchanges the Direct Line secret for a short-lived token at Azure Bot Service, server-side,
 * so the secret never reaches a browser. The token is bound to a fresh random user id, so one
 * resident cannot post as another.
 */
export class AzureTokenClient {
  constructor(
    private readonly endpoint: string,
    private readonly secret: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async generate(): Promise<IssuedToken> {
    const userId = `dl_${randomBytes(12).toString('base64url')}`;
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch {
      throw new HttpError(502, 'The chat service could not be reached. Please try again shortly.');
    }
    if (!response.ok) {
      // The upstream body may echo request details; it is not passed on.
      await response.body?.cancel();
      throw new HttpError(502, `The chat service refused to start a conversation (status ${response.status}).`);
    }
    let parsed: z.infer<typeof GenerateResponse>;
    try {
      parsed = GenerateResponse.parse(await response.json());
    } catch {
      throw new HttpError(502, 'The chat service sent an answer we could not read.');
    }
    return { token: parsed.token, conversationId: parsed.conversationId, expiresIn: parsed.expires_in, userId };
  }
}
