// The hidden ring page: loops the chosen sound while main says play, silent after stop.
// Main's only way in is the preload's onCommand; the page has no other input.
import type { RingCommand, RingBridge } from '../../main/boundary/ring-channel.js';

const audio = document.getElementById('ring') as HTMLAudioElement;

// Bundled with the page (Vite emits each file beside it): a name outside this table plays nothing.
const SOUNDS: Readonly<Record<string, string>> = {
  classic: new URL('../../assets/sounds/classic.wav', import.meta.url).href,
  double: new URL('../../assets/sounds/double.wav', import.meta.url).href,
  chime: new URL('../../assets/sounds/chime.wav', import.meta.url).href,
};

export function apply(command: RingCommand): void {
  const src = 'stop' in command ? undefined : SOUNDS[command.play];
  if ('stop' in command || src === undefined || !Object.hasOwn(SOUNDS, command.play)) {
    audio.pause();
    audio.currentTime = 0;
    return;
  }
  audio.volume = Math.min(1, Math.max(0, command.volume));
  if (audio.src !== src) audio.src = src;
  audio.loop = true;
  void audio.play().catch((error: unknown) => {
    console.error('The ring could not play:', error);
  });
}

const bridge = (window as unknown as { evoRing?: RingBridge }).evoRing;
bridge?.onCommand(apply);
