// The one permission any page of ours holds: the hidden ring page may see and choose speakers
// (the devices' labels come with Chromium's audio `media` check; choosing one with
// `speaker-selection`). Nothing is ever granted on request (lockDown answers no), and every
// other check, from any page, is refused.
import type { WebContents } from 'electron';

const RING_PAGE_CHECKS: ReadonlySet<string> = new Set(['media', 'speaker-selection']);

export interface PermissionCheck {
  permission: string;
  /** The URL the asking frame loaded (without its hash). */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  mediaType?: 'video' | 'audio' | 'unknown' | undefined;
  /** Whether it is the ring page's own WebContents asking. */
  fromRingPage: boolean;
}

/** Pure: only the ring page's main frame, at its own URL, for audio outputs. */
export function ringPagePermits(check: PermissionCheck, ringPageUrl: string): boolean {
  if (!check.fromRingPage || !check.isMainFrame) return false;
  if (check.requestingUrl?.replace(/#.*$/, '') !== ringPageUrl) return false;
  if (!RING_PAGE_CHECKS.has(check.permission)) return false;
  return check.permission !== 'media' || check.mediaType !== 'video';
}

/** Installs the check on the page's session (a session has one check handler, for all pages). */
export function allowRingDevices(page: WebContents, ringPageUrl: string): void {
  page.session.setPermissionCheckHandler((contents, permission, _origin, details) =>
    ringPagePermits(
      {
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        mediaType: details.mediaType,
        fromRingPage: contents === page,
      },
      ringPageUrl,
    ),
  );
}
