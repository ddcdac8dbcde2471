// The bodies the simulator answers with, shaped like the real API's (camelCase here;
// the server turns them PascalCase on request).
import type { FieldError, SignedIn } from './auth.js';
import { avatarUrlFor, DEMO_ACCOUNT, fullName } from './people.js';
import type { SimUser } from './types.js';

const ROLES = ['User', 'Agent'];

export function rolesOf(user: SimUser): string[] {
  return [...(user.roles ?? ROLES)];
}

export function serviceStackError(
  errorCode: string,
  message: string,
  errors?: FieldError[],
): { responseStatus: { errorCode: string; message: string; errors?: FieldError[] } } {
  return { responseStatus: { errorCode, message, ...(errors ? { errors } : {}) } };
}

export const INVALID_CREDENTIALS = serviceStackError(
  'Unauthorized',
  'Invalid UserName or Password',
);

export const NOT_SIGNED_IN = serviceStackError('Unauthorized', 'Not Authenticated');

/** ServiceStack names the credentials provider's route in every 401. */
export const WWW_AUTHENTICATE = 'credentials realm="/auth/credentials"';

/** A [RequiredRole] the user lacks. */
export const INVALID_ROLE = serviceStackError('Forbidden', 'Invalid Role');

export function authenticateResponse(signedIn: SignedIn): Record<string, unknown> {
  return {
    userId: signedIn.user.id,
    sessionId: signedIn.sessionId,
    userName: signedIn.user.username,
    displayName: fullName(signedIn.user),
    bearerToken: '',
    refreshToken: '',
    roles: rolesOf(signedIn.user),
    permissions: [],
  };
}

export function authStatus(user: SimUser, baseUrl: string): Record<string, unknown> {
  return {
    id: user.id,
    isAuthenticated: true,
    firstName: user.firstName,
    lastName: user.lastName,
    name: fullName(user),
    avatarUrl: avatarUrlFor(user, baseUrl),
    emailAddress: user.email,
    roles: rolesOf(user),
    accountIds: [DEMO_ACCOUNT.id],
    accountNames: [DEMO_ACCOUNT.name],
  };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round picture with the user's initials, so the window has an avatar to load. */
export function avatarSvg(user: SimUser): string {
  const initials = escapeXml(`${user.firstName.charAt(0)}${user.lastName.charAt(0)}`);
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">' +
    '<circle cx="32" cy="32" r="32" fill="#2f6fb3"/>' +
    '<text x="32" y="41" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="middle">' +
    `${initials}</text></svg>`
  );
}

/** What an overloaded proxy in front of the API answers. */
export const SERVER_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n' +
  '<body><h1>Internal Server Error</h1>' +
  '<p>The server encountered an internal error and was unable to complete your request.</p>' +
  '</body></html>\n';

/** A JSON answer cut off mid-way, as a dropped proxy connection leaves it. */
export const TRUNCATED_JSON = '{"sessions":[{"id":"9f3b2c7e41d04a8c","callState":"Ring';
