// Sign-in as ServiceStack does it: credentials in, `ss-id` / `ss-pid` cookies out.
import { randomBytes } from 'node:crypto';
import type { SimUser } from './types.js';

export interface Credentials {
  provider: string;
  userName: string;
  password: string;
  rememberMe: boolean;
}

export interface FieldError {
  errorCode: string;
  fieldName: string;
  message: string;
}

/** Reads a sign-in body in camelCase or PascalCase; lists every missing field. */
export function readCredentials(
  body: unknown,
  providerFromPath: string | undefined,
): { ok: true; credentials: Credentials } | { ok: false; errors: FieldError[] } {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const field = (name: string): unknown => {
    const wanted = name.toLowerCase();
    const key = Object.keys(fields).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? undefined : fields[key];
  };
  const text = (name: string): string | undefined => {
    const value = field(name);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const userName = text('userName');
  const password = text('password');
  const errors: FieldError[] = [];
  for (const [name, value] of [
    ['UserName', userName],
    ['Password', password],
  ] as const) {
    if (value === undefined) {
      errors.push({
        errorCode: 'NotEmpty',
        fieldName: name,
        message: `'${name}' must not be empty.`,
      });
    }
  }
  if (userName === undefined || password === undefined) return { ok: false, errors };
  const remember = field('rememberMe');
  return {
    ok: true,
    credentials: {
      provider: providerFromPath ?? text('provider') ?? 'credentials',
      userName,
      password,
      rememberMe: remember === true || remember === 'true',
    },
  };
}

export function findUser(users: readonly SimUser[], credentials: Credentials): SimUser | undefined {
  const name = credentials.userName.toLowerCase();
  const user = users.find(
    (u) => u.username.toLowerCase() === name || u.email.toLowerCase() === name,
  );
  return user !== undefined && user.password === credentials.password ? user : undefined;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export interface SignedIn {
  user: SimUser;
  sessionId: string;
  permanentId: string;
}

export interface AuthSessions {
  open(user: SimUser): SignedIn;
  /** The signed-in session a request carries: `ss-id` / `ss-pid` cookie or a bearer token. */
  find(cookieHeader: string | undefined, authorization: string | undefined): SignedIn | undefined;
  close(signedIn: SignedIn): void;
  closeAll(): void;
}

/** Random, unguessable ids, as ServiceStack makes them (never from the seeded PRNG). */
function sessionToken(): string {
  return randomBytes(15).toString('base64url');
}

export function createAuthSessions(): AuthSessions {
  const byToken = new Map<string, SignedIn>();
  return {
    open(user) {
      const signedIn = { user, sessionId: sessionToken(), permanentId: sessionToken() };
      byToken.set(signedIn.sessionId, signedIn);
      byToken.set(signedIn.permanentId, signedIn);
      return signedIn;
    },
    find(cookieHeader, authorization) {
      const cookies = parseCookies(cookieHeader);
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      for (const token of [cookies.get('ss-id'), cookies.get('ss-pid'), bearer]) {
        const signedIn = token === undefined ? undefined : byToken.get(token);
        if (signedIn !== undefined) return signedIn;
      }
      return undefined;
    },
    close(signedIn) {
      byToken.delete(signedIn.sessionId);
      byToken.delete(signedIn.permanentId);
    },
    closeAll() {
      byToken.clear();
    },
  };
}

/** The cookies a successful sign-in sets; `ss-opt=perm` asks for the permanent session. */
export function signInCookies(signedIn: SignedIn, rememberMe: boolean, now: number): string[] {
  const expires = new Date(now + 20 * 365 * 24 * 3600 * 1000).toUTCString();
  return [
    `ss-id=${signedIn.sessionId}; Path=/; HttpOnly`,
    `ss-pid=${signedIn.permanentId}; Path=/; Expires=${expires}; HttpOnly`,
    `ss-opt=${rememberMe ? 'perm' : 'temp'}; Path=/; Expires=${expires}; HttpOnly`,
  ];
}

export function signOutCookies(): string[] {
  const past = 'Thu, 01 Jan 1970 00:00:00 GMT';
  return ['ss-id', 'ss-pid', 'ss-opt'].map((name) => `${name}=; Path=/; Expires=${past}; HttpOnly`);
}
