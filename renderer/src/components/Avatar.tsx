import { useEffect, useState } from 'preact/hooks';
import type { EvoTrayBridge } from '../../../main/boundary/contract.js';
import { avatarCacheFor } from '../avatars.js';

/** "Bob Builder" → "BB", "client:eve" → "C": first and last word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(words[0] ?? '')[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1] ?? '')[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** The member's picture once main has fetched it; their initials until then, or when there is none. */
export function Avatar({
  url,
  name,
  bridge,
}: {
  url: string | undefined;
  name: string;
  bridge: EvoTrayBridge;
}) {
  const cache = avatarCacheFor(bridge);
  const [image, setImage] = useState(() => (url ? cache.known(url) : undefined));
  useEffect(() => {
    if (!url) {
      setImage(null);
      return;
    }
    setImage(cache.known(url));
    let live = true;
    void cache.load(url).then((answer) => {
      if (live) setImage(answer);
    });
    return () => {
      live = false;
    };
  }, [cache, url]);

  if (image) return <img class="avatar" src={image} alt="" width={32} height={32} />;
  return (
    <span class="avatar avatar-initials" aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
