// The screen pop's shared part: the template's grammar (main checks a template before it fills
// one, in screen-pop/template.ts, and Settings says what is wrong with it as the agent types;
// the problem is a value, so each side puts it in its own words) and Settings' Test request.

/** Settings' Test button: `testScreenPop`. */
export interface ScreenPopTestRequest {
  /** The template as typed (it may not be saved yet). */
  url: string;
  /** false: only fill and check it (shows the address); true: open it as well. */
  open: boolean;
}

/** The template filled with the sample call (`url`), or why it cannot open. */
export type ScreenPopTestResult = { ok: true; url: string } | { ok: false; error: string };

export const PLACEHOLDERS = [
  'from',
  'fromDigits',
  'fromName',
  'to',
  'line',
  'customerName',
  'customerId',
  'accountId',
  'sessionId',
  'callSid',
  'queue',
  'direction',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** A {name} that is not a placeholder (a typo would open a wrong page), or a brace left open. */
export type TemplateProblem =
  { problem: 'unknown-placeholder'; name: string } | { problem: 'brace' };

export const PLACEHOLDER_TOKEN = /\{([^{}]*)\}/g;

/** What keeps a template from ever being filled; undefined when it can be. */
export function templateProblem(template: string): TemplateProblem | undefined {
  for (const [, name = ''] of template.matchAll(PLACEHOLDER_TOKEN)) {
    if (!isPlaceholder(name)) return { problem: 'unknown-placeholder', name: shorten(name) };
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER_TOKEN, ''))) return { problem: 'brace' };
  return undefined;
}

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
