// The screen-pop address: a template the agent (or IT) writes, filled for one call. Each value
// is URL-encoded where it is put, so a caller's name can never add a path, a query or a host.
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import type { Session } from '../boundary/session.js';
import {
  PLACEHOLDERS,
  PLACEHOLDER_TOKEN as TOKEN,
  isPlaceholder,
  templateProblem,
  type Placeholder,
} from '../boundary/screen-pop.js';

export { PLACEHOLDERS, type Placeholder } from '../boundary/screen-pop.js';

const english = createTranslator('en');

export type TemplateCheck =
  { ok: true; placeholders: Placeholder[] } | { ok: false; error: string };

/**
 * The placeholders a template uses (each once, in order), or why it can never be filled: an
 * unknown placeholder (a typo would open a wrong page) or a brace left open.
 */
export function checkTemplate(template: string, t: Translate = english): TemplateCheck {
  const problem = templateProblem(template);
  if (problem?.problem === 'unknown-placeholder') {
    const list = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
    return {
      ok: false,
      error: t('screenPop.refused.placeholder', { name: `{${problem.name}}`, list }),
    };
  }
  if (problem?.problem === 'brace') {
    return { ok: false, error: t('screenPop.refused.brace', { example: '{from}' }) };
  }
  const found: Placeholder[] = [];
  for (const [, name] of template.matchAll(TOKEN)) {
    if (isPlaceholder(name ?? '') && !found.includes(name as Placeholder)) {
      found.push(name as Placeholder);
    }
  }
  return { ok: true, placeholders: found };
}

/** The template filled for a call, or null when it is not a valid template. */
export function fillTemplate(template: string, session: Session): string | null {
  if (!checkTemplate(template).ok) return null;
  return template.replace(TOKEN, (_, name: Placeholder) =>
    encodeURIComponent(placeholderValue(name, session)),
  );
}

/** What each placeholder stands for in a session; '' when the session does not say. */
export function placeholderValue(name: Placeholder, s: Session): string {
  switch (name) {
    case 'from':
      return callerNumber(s);
    case 'fromDigits':
      return digitsOf(callerNumber(s));
    case 'fromName':
      return text(s.fromName);
    case 'to':
      return text(s.toAddress);
    case 'line':
      return text(s.endpointName);
    case 'customerName':
      return text(s.customerName);
    case 'customerId':
      return text(s.customerId);
    case 'accountId':
      return text(s.accountId);
    case 'sessionId':
      return s.id;
    case 'callSid':
      return text(s.callSid);
    case 'queue':
      // The hold queue while held; the ring queue's id is all a ringing call says of its queue.
      return text(s.holdQueueName) || text(s.ringQueueId);
    case 'direction':
      return text(s.direction);
  }
}

/** The caller's number as given: fromAddress, else fromPhoneNumber, else callbackNumber. */
function callerNumber(s: Session): string {
  return text(s.fromAddress) || text(s.fromPhoneNumber) || text(s.callbackNumber);
}

/** Digits only, a leading + kept: what a CRM's phone search matches on. */
function digitsOf(number: string): string {
  const digits = number.replace(/\D/g, '');
  return number.startsWith('+') && digits !== '' ? `+${digits}` : digits;
}

function text(value: string | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}
