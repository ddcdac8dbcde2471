// The hidden ring page: loops the chosen sound while main says play, silent after stop.
// Main's only way in is the preload's onCommand; the page has no other input.
import type { RingCommand, RingBridge } from './ring-bridge.js';

const audio = document.getElementById('ring') as HTMLAudioElement;
const SOUND = /^[a-z]+$/;

export function apply(command: RingCommand): void {
  if ('stop' in command || !SOUND.test(command.play)) {
    audio.pause();
    audio.currentTime = 0;
    return;
  }
  const src = new URL(`sounds/${command.play}.wav`, document.baseURI).href;
  audio.volume = Math.min(1, Math.max(0, command.volume));
  if (audio.src !== src) audio.src = src;
  audio.loop = true;
  void audio.play().catch((error: unknown) => {
    console.error('The ring could not play:', error);
  });
}

const bridge = (window as unknown as { evoRing?: RingBridge }).evoRing;
bridge?.onCommand(apply);
