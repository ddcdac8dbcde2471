// Members' avatars come from main as data: URLs: the window itself makes no request (see the CSP).
import type { EvoTrayBridge } from '../../main/boundary/contract.js';

export interface AvatarCache {
  /** What main answered for `url`: a data: URL, null for no avatar, undefined if not known yet. */
  known(url: string): string | null | undefined;
  /** Asks main once per URL for the window's life; never rejects (a failure means no avatar). */
  load(url: string): Promise<string | null>;
}

/** Only an image data: URL is shown; anything else main might answer is no avatar. */
export function imageDataUrl(answer: unknown): string | null {
  return typeof answer === 'string' && /^data:image\//i.test(answer) ? answer : null;
}

// One cache per bridge: the bridge lives as long as the window does.
const caches = new WeakMap<EvoTrayBridge, AvatarCache>();

export function avatarCacheFor(bridge: EvoTrayBridge): AvatarCache {
  const cached = caches.get(bridge);
  if (cached) return cached;
  const answers = new Map<string, string | null>();
  const asking = new Map<string, Promise<string | null>>();
  const cache: AvatarCache = {
    known: (url) => answers.get(url),
    load(url) {
      if (answers.has(url)) return Promise.resolve(answers.get(url) ?? null);
      const pending = asking.get(url);
      if (pending) return pending;
      const ask = bridge.getAvatar(url).then(
        (answer) => {
          const image = imageDataUrl(answer);
          answers.set(url, image);
          return image;
        },
        // Not remembered: the next view that shows this member asks again.
        () => null,
      );
      const settled = ask.finally(() => asking.delete(url));
      asking.set(url, settled);
      return settled;
    },
  };
  caches.set(bridge, cache);
  return cache;
}
