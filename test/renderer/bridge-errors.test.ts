import { describe, expect, it } from 'vitest';
import { remoteErrorMessage, NO_MESSAGE } from '../../renderer/bridge-errors.js';

describe('errors from main, as the agent reads them', () => {
  it("unwraps Electron's remote-method wrapping and the error's class name", () => {
    const wrapped = new Error(
      "Error invoking remote method 'evo:update-settings': SettingsError: Check for calls every must be at least 1 second",
    );
    expect(remoteErrorMessage(wrapped)).toBe('Check for calls every must be at least 1 second');
  });

  it('unwraps a plain Error thrown in main', () => {
    const wrapped = new Error(
      "Error invoking remote method 'evo:clear-missed': Error: The missed list could not be saved",
    );
    expect(remoteErrorMessage(wrapped)).toBe('The missed list could not be saved');
  });

  it('keeps a colon that belongs to the message', () => {
    const wrapped = new Error(
      "Error invoking remote method 'evo:update-settings': SettingsError: Remind me of a held call every: 0 (off) or at least 10 s",
    );
    expect(remoteErrorMessage(wrapped)).toBe(
      'Remind me of a held call every: 0 (off) or at least 10 s',
    );
    // A string thrown in main has no class name to strip.
    expect(
      remoteErrorMessage(
        new Error("Error invoking remote method 'evo:sign-out': Keychain: locked"),
      ),
    ).toBe('Keychain: locked');
  });

  it('passes a plain error or string through as it is', () => {
    expect(remoteErrorMessage(new Error('The app is not answering'))).toBe(
      'The app is not answering',
    );
    expect(remoteErrorMessage('Could not copy')).toBe('Could not copy');
  });

  it('leaves the words to the window when main gave none (it says so in the agent’s language)', () => {
    expect(remoteErrorMessage(new Error(''))).toBe(NO_MESSAGE);
    expect(remoteErrorMessage({ code: 42 })).toBe(NO_MESSAGE);
    expect(
      remoteErrorMessage(new Error("Error invoking remote method 'evo:sign-in': SettingsError")),
    ).toBe(NO_MESSAGE);
  });

  it('leaves the words to the window for a malformed request main refused (English, for the log)', () => {
    const refused = new Error(
      "Error invoking remote method 'evo:get-avatar': BadRequestError: The avatar address must be text of 1 to 2048 characters.",
    );
    expect(remoteErrorMessage(refused)).toBe(NO_MESSAGE);
    // Only main's class name counts, not the words of a message.
    expect(
      remoteErrorMessage(
        new Error("Error invoking remote method 'evo:sign-in': Error: BadRequestError: no"),
      ),
    ).toBe('BadRequestError: no');
  });
});
