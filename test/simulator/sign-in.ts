// Plain-fetch sign-in against the simulator (deliberately not the app's API client).
import { DEMO_USERS } from '../../main/simulator/server.js';
import type { SimUser } from '../../main/simulator/types.js';

function demoUser(index: number): SimUser {
  const user = DEMO_USERS[index];
  if (user === undefined) throw new Error(`DEMO_USERS has no user #${index}`);
  return user;
}

export const AGENT = demoUser(0);
export const SUPERVISOR = demoUser(1);

export function signInRequest(url: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/auth/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The `Cookie` header a browser would send back after this response. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** Signs in as the demo agent; returns the cookie header to send back. */
export async function signIn(
  url: string,
  user: { username: string; password: string } = AGENT,
): Promise<string> {
  const response = await signInRequest(url, {
    provider: 'credentials',
    userName: user.username,
    password: user.password,
    rememberMe: true,
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return cookieHeader(response);
}

export async function getJson(
  url: string,
  cookie?: string,
): Promise<{ status: number; body: unknown; response: Response }> {
  const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text), response };
}
