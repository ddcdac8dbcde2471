// The window's state after a refused sign-in: a 403 that quotes the password back, in any
// encoding a server writes it in (URL, form, HTML, JSON, base64, `Basic user:password`), is
// shown in the server's words with the password masked, through the real client.
import { describe, expect, it } from 'vitest';
import { createEvoClient } from '../../main/evo/client.js';
import { encodings } from '../evo/secret-encodings.js';
import { request, setup } from './account-fakes.js';

const PASSWORD = 'Mañana "quote" & <b>/+ 42';

describe('a sign-in refused with the password quoted back', () => {
  it.each(Object.entries(encodings(PASSWORD, 'ada')))(
    'the window state and the answer never hold it (%s)',
    async (_, encoded) => {
      const fetch = (async () =>
        Response.json(
          { responseStatus: { message: `Account locked for ${encoded}` } },
          { status: 403 },
        )) as unknown as typeof globalThis.fetch;
      const api = { api: createEvoClient({ fetch }), signIns: [], signOuts: () => 0 };
      const t = setup({ api });
      const result = await t.account.signIn(request({ password: PASSWORD }));
      expect(result).toMatchObject({ ok: false, error: expect.stringContaining('•••') });
      const shown = JSON.stringify([result, t.store.get(), t.events]);
      expect(shown).toContain('Account locked for');
      expect(shown).not.toContain(JSON.stringify(encoded).slice(1, -1));
    },
  );
});
