// The routes that act on a call: reject, hold, PATCH (resume), redirect and DELETE (hang up),
// refused the way the real server refuses them (a wrong state, an unknown callSid, a missing
// role). The effects are SimCalls'; see docs/SIMULATOR.md.
import type { Session } from '../boundary/session.js';
import { INVALID_ROLE, rolesOf, serviceStackError } from './bodies.js';
import type { Reply } from './exchange.js';
import type { SimCalls, SimUser } from './types.js';

export interface ActionCall {
  method: string;
  /** The session id from the path. */
  id: string;
  /** The path's third word, lower-cased (`reject`, `hold`, `redirect`), or undefined. */
  verb: string | undefined;
  query: URLSearchParams;
  body(): Promise<unknown>;
}

const ROUTES: Record<string, string> = {
  'POST reject': 'reject',
  'POST hold': 'hold',
  'POST redirect': 'redirect',
  'PATCH ': 'patch',
  'DELETE ': 'end',
};

/** False when the path is not an action route at all (the caller answers 404/405). */
export function isActionRoute(verb: string | undefined): boolean {
  return verb === undefined || ['reject', 'hold', 'redirect'].includes(verb);
}

export async function act(
  calls: SimCalls,
  user: SimUser,
  call: ActionCall,
  reply: Reply,
): Promise<void> {
  const fail = (status: number, code: string, message: string) =>
    reply.json(status, serviceStackError(code, message));
  const route = ROUTES[`${call.method} ${call.verb ?? ''}`];
  if (route === undefined) {
    return fail(405, 'MethodNotAllowed', `${call.method} is not allowed on this session route`);
  }
  if (!rolesOf(user).includes('User')) return reply.json(403, INVALID_ROLE);
  const session = calls.get(call.id);
  if (session === undefined) return fail(404, 'NotFound', `Session '${call.id}' does not exist`);
  if (session.ended === true) return fail(404, 'NotFound', `Session '${call.id}' has ended`);
  if (calls.agentOf(call.id) !== user.username) {
    return fail(409, 'Conflict', 'This session is no longer with you');
  }
  const body = fields(await call.body());
  const state = session.callState ?? 'Disconnected';
  const wrongState = (what: string, doing: string) =>
    fail(409, 'Conflict', `Only a ${what} session can be ${doing}; this one is ${state}`);
  const done = () => reply.json(200, calls.get(call.id) ?? {});

  switch (route) {
    case 'reject':
      if (state !== 'Ringing' && session.queueState !== 'Ringing')
        return wrongState('ringing', 'rejected');
      calls.decline(call.id);
      return done();
    case 'hold': {
      const known = checkCallSid(session, body('callSid'), true);
      if (known !== true) return fail(400, known.code, known.message);
      const reason = body('reason') ?? 'None';
      if (reason !== 'None' && reason !== 'Transferring') {
        return fail(400, 'ArgumentException', `'Reason' must be None or Transferring`);
      }
      if (state !== 'Connected') return wrongState('connected', 'put on hold');
      holdCall(calls, session, user, reason);
      return done();
    }
    case 'patch': {
      const wanted = body('callState');
      if (wanted === undefined) return done();
      if (wanted === 'Connected') {
        if (state !== 'Hold') return wrongState('held', 'taken off hold');
        calls.resume(call.id);
        return done();
      }
      if (wanted === 'Hold') {
        if (state !== 'Connected') return wrongState('connected', 'put on hold');
        const reason = body('holdReason') === 'Transferring' ? 'Transferring' : 'None';
        holdCall(calls, session, user, reason);
        return done();
      }
      return fail(400, 'ArgumentException', `'Call State' cannot be set to ${wanted}`);
    }
    case 'redirect': {
      const destination = body('destination')?.trim();
      if (!destination) {
        return fail(400, 'ValidationException', `'Destination' must not be empty.`);
      }
      if (state !== 'Connected' && state !== 'Hold')
        return wrongState('connected or held', 'transferred');
      calls.redirect(call.id, destination);
      return done();
    }
    default: {
      const known = checkCallSid(session, call.query.get('callSid') ?? undefined, false);
      if (known !== true) return fail(400, known.code, known.message);
      calls.end(call.id);
      calls.remove(call.id);
      return done();
    }
  }
}

/** A named hold queue of the call's line: "Sales Line" holds in "Sales Hold". */
function holdCall(calls: SimCalls, session: Session, user: SimUser, reason: string): void {
  const line = (session.endpointName ?? 'Main').replace(/\s+Line$/i, '');
  const queue = `${line} Hold`;
  if (reason === 'Transferring') calls.transfer(session.id, queue);
  else calls.hold(session.id, queue, user.id);
}

function checkCallSid(
  session: Session,
  callSid: string | undefined,
  required: boolean,
): true | { code: string; message: string } {
  if (callSid === undefined || callSid === '') {
    return required
      ? { code: 'ValidationException', message: `'Call Sid' must not be empty.` }
      : true;
  }
  const legs = [session.callSid, ...(session.members ?? []).map((m) => m.callSid)];
  return legs.includes(callSid)
    ? true
    : { code: 'ArgumentException', message: `No call leg '${callSid}' in this session` };
}

/** A body's text fields by name, in either casing (ServiceStack binds both). */
function fields(body: unknown): (name: string) => string | undefined {
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return (name) => {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? undefined : record[key];
    return typeof value === 'string' ? value : undefined;
  };
}
