import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_DAYS = 30;
const ISSUER = 'gan-bo';
/** Verified tokens remembered at most (15 minutes of sign-ins of a large province fit). */
const MAX_VERIFIED = 20_000;

export interface AccessClaims {
  accountId: number;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Signs and verifies short-lived access tokens (JWT, HS256). The key comes from GB_JWT_SECRET,
 * or else from the database (created once), so every server process on one database agrees.
 */
export class TokenService {
  /** Tokens whose signature was verified, with their claims: a signature never changes, an expiry is checked each time. */
  private readonly verified = new Map<string, AccessClaims>();

  private constructor(private readonly key: Uint8Array) {}

  static async create(em: EntityManager, secret = process.env.GB_JWT_SECRET): Promise<TokenService> {
    if (secret) {
      if (secret.length < 32) throw new Error('GB_JWT_SECRET must be at least 32 characters');
      return new TokenService(new TextEncoder().encode(secret));
    }
    await em.execute(`insert into app_secret (name, value) values ('jwt', ?) on conflict (name) do nothing`, [randomBytes(48).toString('base64url')]);
    const [row] = await em.execute<{ value: string }[]>(`select value from app_secret where name = 'jwt'`);
    return new TokenService(new TextEncoder().encode(row.value));
  }

  async sign(accountId: number, sessionId: string): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ACCESS_TOKEN_SECONDS * 1000);
    const token = await new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(accountId))
      .setIssuer(ISSUER)
      .setAudience(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** The claims of a valid token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<AccessClaims | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() > Date.now()) return known;
      this.verified.delete(token);
      return null;
    }
    try {
      // WebCrypto's HMAC took ~2 ms of the event loop per request under load: each token is verified once.
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: ISSUER, algorithms: ['HS256'] });
      const accountId = Number(payload.sub);
      if (!Number.isSafeInteger(accountId) || typeof payload.sid !== 'string' || !payload.exp) return null;
      const claims = { accountId, sessionId: payload.sid, expiresAt: new Date(payload.exp * 1000) };
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}

/** Refresh tokens are random; only their SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** `Bearer xyz` → `xyz`. */
export function bearer(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
