// The HTTP request each action is, as data. Routes from the API's reference pages and the
// vendor's own client (docs/API-FINDINGS.md): resume is PatchSession with callState Connected,
// the one documented way to change a held call's state.
import type { ActionRequest } from '../evo/api.js';
import type { Session } from '../boundary/session.js';
import {
  agentCallSid,
  type AgentIdentity,
  type CallAction,
} from '../boundary/call-action-rules.js';
import { checkDestination } from '../boundary/transfer-destination.js';
import { createTranslator, type Translate } from '../boundary/i18n/index.js';
import { pathSegment, UnsafePathSegment } from '../evo/path-segment.js';

export type { ActionRequest } from '../evo/api.js';

export type ActionRequestResult =
  { ok: true; request: ActionRequest } | { ok: false; error: string };

export function actionRequest(
  session: Pick<Session, 'id' | 'members' | 'callSid'>,
  action: CallAction,
  agent: AgentIdentity,
  destination?: string,
  t: Translate = createTranslator('en'),
): ActionRequestResult {
  let path: string;
  try {
    path = `/sessions/${pathSegment(session.id)}`;
  } catch (error) {
    // Refused like any action the call does not allow: no request leaves.
    if (error instanceof UnsafePathSegment) return { ok: false, error: error.message };
    throw error;
  }
  const callSid = agentCallSid(session, agent);
  switch (action) {
    case 'decline':
      return { ok: true, request: { method: 'POST', path: `${path}/reject` } };
    case 'hold':
      if (callSid === undefined) return { ok: false, error: t('callAction.noCallSid') };
      return {
        ok: true,
        request: { method: 'POST', path: `${path}/hold`, body: { callSid, reason: 'None' } },
      };
    case 'resume':
      return { ok: true, request: { method: 'PATCH', path, body: { callState: 'Connected' } } };
    case 'transfer': {
      const checked = checkDestination(destination, t);
      if (!checked.ok) return checked;
      return {
        ok: true,
        request: { method: 'POST', path: `${path}/redirect`, body: { destination: checked.value } },
      };
    }
    case 'hangUp':
      return {
        ok: true,
        request: {
          method: 'DELETE',
          path,
          ...(callSid === undefined ? {} : { query: { callSid } }),
        },
      };
  }
}
