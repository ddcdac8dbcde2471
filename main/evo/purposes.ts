// What each call is for, as its errors say it: a 404 means something different to each.
// The English 404 words come from the English catalog, so the log and the agent agree.
import type { PurposeName } from './api.js';
import type { Purpose } from './http-errors.js';
import { createTranslator } from '../boundary/i18n/index.js';
import { notFoundWords } from './failure-words.js';

const english = createTranslator('en');

function purpose(name: PurposeName): Purpose {
  return { name, signingIn: name === 'signing-in', notFound: notFoundWords(name, english) };
}

export const SIGNING_IN = purpose('signing-in');
export const LISTING = purpose('listing');
export const LOOKING_UP = purpose('looking-up');
export const READING_HISTORY = purpose('reading-history');
export const READING_AGENT_STATE = purpose('reading-agent-state');
export const SIGNING_OUT = purpose('signing-out');
export const ACTING = purpose('acting');
