// Test support: a fetch that notes every cookie value and bearer token the server hands out and
// every Cookie header the client sends, and a log of every error the client produced, so a
// suite can prove no message ever carried a secret.
import { expect } from 'vitest';
import { EvoApiError } from '../../main/evo/api.js';

export interface SecretWatch {
  fetch: typeof fetch;
  /** Cookie values and bearer tokens seen in answers. */
  readonly handedOut: Set<string>;
  /** The Cookie header of each request, in order (undefined when none was sent). */
  readonly cookieHeaders: (string | undefined)[];
  readonly errors: EvoApiError[];
  /** The EvoApiError a call rejects with; fails the test if it resolves. */
  failure(call: Promise<unknown>): Promise<EvoApiError>;
  /** Asserts no error message or server message held a password or a handed-out secret. */
  expectNoLeak(passwords: string[]): void;
}

export function watchSecrets(): SecretWatch {
  const handedOut = new Set<string>();
  const cookieHeaders: (string | undefined)[] = [];
  const errors: EvoApiError[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    cookieHeaders.push(new Headers(init?.headers).get('cookie') ?? undefined);
    const response = await fetch(input, init);
    for (const line of response.headers.getSetCookie()) {
      const value = /^[^=]+=([^;]*)/.exec(line)?.[1];
      // ss-opt=perm is a flag, not a secret.
      if (value !== undefined && value.length >= 8) handedOut.add(value);
    }
    // Only the sign-in and app config answers carry a token; other bodies may be huge or
    // never end.
    if (/\/(auth\/credentials|app\/config)$/.test(new URL(String(input)).pathname)) {
      const body = await response.clone().text();
      const token = /"(?:bearerToken|accessToken)"\s*:\s*"([^"]+)"/i.exec(body)?.[1];
      if (token !== undefined) handedOut.add(token);
    }
    return response;
  };
  return {
    fetch: recordingFetch,
    handedOut,
    cookieHeaders,
    errors,
    async failure(call) {
      try {
        await call;
      } catch (error) {
        expect(error).toBeInstanceOf(EvoApiError);
        errors.push(error as EvoApiError);
        return error as EvoApiError;
      }
      throw new Error('the call succeeded but was expected to fail');
    },
    expectNoLeak(passwords) {
      const secrets = [...passwords, ...handedOut];
      expect(secrets.length).toBeGreaterThan(0);
      for (const error of errors) {
        for (const text of [error.message, error.details.serverMessage ?? '', error.stack ?? '']) {
          for (const secret of secrets) expect(text).not.toContain(secret);
        }
      }
    },
  };
}
