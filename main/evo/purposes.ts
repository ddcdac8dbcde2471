// What each call is for, as its errors say it: a 404 means something different to each.
import type { Purpose } from './http-errors.js';

export const SIGNING_IN: Purpose = {
  signingIn: true,
  notFound: 'There is no Evo Voice sign-in at this address. Check the server address.',
};
export const LISTING: Purpose = {
  signingIn: false,
  notFound: 'This server does not list calls (no /sessions/my). Check the server address.',
};
export const LOOKING_UP: Purpose = {
  signingIn: false,
  notFound: 'This call is no longer on Evo Voice (it may have been archived).',
};
export const READING_HISTORY: Purpose = {
  signingIn: false,
  notFound: 'This server has no call history (no /portal/call-history).',
};
export const READING_AGENT_STATE: Purpose = {
  signingIn: false,
  notFound: 'This server does not say the agent state (no /app/config).',
};
export const SIGNING_OUT: Purpose = { signingIn: false, notFound: 'Already signed out.' };
export const ACTING: Purpose = { signingIn: false, notFound: 'This call has already ended.' };
