// Call back: the number is checked (digits, +, *, #) before the OS's phone handler is asked to
// open `tel:<number>`; anything else is refused in words the agent can act on.
import { shell } from 'electron';
import type { CallBackResult } from '../boundary/contract.js';
import { checkPhoneNumber, telLink } from '../away/phone-number.js';
import type { Logger } from '../log.js';
import { telLinkAllowed } from './window-rules.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';

/** `t`: the agent's language for the refusals (English by default). */
export async function callBack(
  number: string,
  log: Logger,
  t: Translate = createTranslator('en'),
): Promise<CallBackResult> {
  const checked = checkPhoneNumber(number, t);
  if (!checked.ok) return checked;
  const link = telLink(checked.number);
  if (!telLinkAllowed(link)) return { ok: false, error: t('callBack.invalid') };
  try {
    await shell.openExternal(link);
    return { ok: true };
  } catch (e) {
    log.warn(`No app took the tel: link: ${(e as Error).message}`);
    return { ok: false, error: t('callBack.noPhoneApp', { number: checked.number }) };
  }
}
