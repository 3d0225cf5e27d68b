import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a Direct Line token grants: one conversation, as one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/**
 * Signs and checks the embedded channel's Direct Line tokens. A token is a JWT (HS256) like
 * Azure's, so Web Chat reads the user id from its `user` claim exactly as it does in
 * production; the server keeps no token table and a forged or altered token is rejected. The key is random per process unless configured, so a restart invalidates
 * every token (and the in-memory conversations they point to are gone anyway).
 */
export class TokenIssuer {
  private readonly key: Buffer;

  constructor(
    secret: string | undefined,
    readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(conversationId: string, userId: string): { token: string; expiresIn: number } {
    const claims: TokenClaims = {
      conversationId,
      userId,
      exp: Math.floor(this.now() / 1000) + this.lifetimeSeconds,
    };
    const payload = b64url(JSON.stringify({ conv: claims.conversationId, user: claims.userId, exp: claims.exp }));
    const unsigned = `${HEADER}.${payload}`;
    return { token: `${unsigned}.${this.sign(unsigned)}`, expiresIn: this.lifetimeSeconds };
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
    const [, payload, signature] = parts;
    const expected = Buffer.from(this.sign(`${HEADER}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'bad-signature' };
    }
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const d = decoded as { conv?: unknown; user?: unknown; exp?: unknown };
    if (typeof d.conv !== 'string' || typeof d.user !== 'string' || typeof d.exp !== 'number') {
      return { ok: false, reason: 'malformed' };
    }
    if (d.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: d.conv, userId: d.user, exp: d.exp } };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** Reads `Authorization: Bearer <token>`; anything else counts as no token. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match?.[1];
}
