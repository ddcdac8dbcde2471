// How late each ringing alert comes, as its own step of the loop: what the listings' Date
// headers say of the server's clock, what the polls saw of each call before it rang, and the
// interval the poll was scheduled with (see "How late was the alert" in docs/WATCH.md).
import type { Session } from '../boundary/session.js';
import type { WatchEvent } from './events.js';
import { clockOffsetOf, estimateLatency, narrowClockWindow, type ClockWindow } from './latency.js';
import { afterPoll, lastNotRingingAt, noSightings, type Sightings } from './sightings.js';

/** What a listing tells the latency estimate of the ringing events it causes. */
export interface Listing {
  sentAt: number;
  receivedAt: number;
  serverOffsetMs: number;
}

export interface AlertLatency {
  /** A listing came back: its Date header narrows what is known of the server's clock. */
  listed(sentAt: number, receivedAt: number, dateHeader: string | undefined): Listing;
  /** After the listing's events: what it saw of each call, for the next ring. */
  seen(sessions: readonly Session[], at: number): void;
  /** The interval (before jitter) the poll now waiting or in flight was scheduled with. */
  scheduled(intervalMs: number): void;
  /** A ringing event with how late it comes; any other event as it is. */
  withLatency(event: WatchEvent, listing: Listing | undefined): WatchEvent;
}

export function createAlertLatency(initialIntervalMs: number): AlertLatency {
  let sightings: Sightings = noSightings;
  /** The server's clock against ours, from the listings' Date headers. */
  let serverClock: ClockWindow | null = null;
  let intervalInForceMs = initialIntervalMs;
  return {
    listed(sentAt, receivedAt, dateHeader) {
      serverClock = narrowClockWindow(serverClock, dateHeader, sentAt, receivedAt);
      return { sentAt, receivedAt, serverOffsetMs: clockOffsetOf(serverClock) };
    },
    seen(sessions, at) {
      sightings = afterPoll(sightings, sessions, at);
    },
    scheduled(intervalMs) {
      intervalInForceMs = intervalMs;
    },
    withLatency(event, listing) {
      if (event.event !== 'ringing' || listing === undefined) return event;
      const { latencyMs } = estimateLatency({
        alertAt: listing.receivedAt,
        session: event.session ?? {},
        serverOffsetMs: listing.serverOffsetMs,
        lastNotRingingAt: lastNotRingingAt(sightings, event.sessionId),
        intervalMs: intervalInForceMs,
      });
      return { ...event, latencyMs };
    },
  };
}
