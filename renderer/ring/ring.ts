// The hidden ring page: loops the chosen sound on the chosen speaker while main says play,
// silent after stop. Main's only way in is the preload's onCommand; the page answers only
// through report (a speaker it could not find, the speakers it can see).
import type { RingCommand, RingBridge } from '../../main/boundary/ring-channel.js';

const audio = document.getElementById('ring') as HTMLAudioElement;
const bridge = (window as unknown as { evoRing?: RingBridge }).evoRing;

// Bundled with the page (Vite emits each file beside it): a name outside this table plays nothing.
const SOUNDS: Readonly<Record<string, string>> = {
  classic: new URL('../../assets/sounds/classic.wav', import.meta.url).href,
  double: new URL('../../assets/sounds/double.wav', import.meta.url).href,
  chime: new URL('../../assets/sounds/chime.wav', import.meta.url).href,
};

/**
 * Bumped by every play and stop: a play still choosing its speaker yields to whatever came
 * after it.
 */
let latest = 0;

export function apply(command: RingCommand): void {
  // A list request is no sound command: a play choosing its speaker goes on.
  if ('listDevices' in command) {
    void listDevices(command.listDevices);
    return;
  }
  const mine = ++latest;
  const src = 'stop' in command ? undefined : SOUNDS[command.play];
  if ('stop' in command || src === undefined || !Object.hasOwn(SOUNDS, command.play)) {
    audio.pause();
    audio.currentTime = 0;
    return;
  }
  void useSpeaker(command.device).then(() => {
    if (mine !== latest) return;
    audio.volume = Math.min(1, Math.max(0, command.volume));
    if (audio.src !== src) audio.src = src;
    audio.loop = true;
    void audio.play().catch((error: unknown) => {
      // A stop (or another ring) that came while the sound was still loading interrupts this
      // play() with an AbortError: that is the command obeyed, not a ring that failed.
      if (mine !== latest) return;
      console.error('The ring could not play:', error);
    });
  });
}

/**
 * Chooses the speaker before playing. One that is gone (unplugged headset: Chromium rejects it
 * with NotFoundError) would leave the agent unaware of the call, so it rings on the default and
 * main is told, to say so in the window.
 */
async function useSpeaker(device: string): Promise<void> {
  if (audio.sinkId === device) return;
  try {
    await audio.setSinkId(device);
    if (device !== '') bridge?.report({ deviceFound: device });
  } catch {
    bridge?.report({ deviceMissing: device });
    await audio.setSinkId('').catch(() => {});
  }
}

/** The speakers, labels as the OS gives them (main puts the system default first). */
async function listDevices(request: number): Promise<void> {
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  const devices = all
    .filter((d) => d.kind === 'audiooutput')
    .map((d) => ({ deviceId: d.deviceId, label: d.label }));
  bridge?.report({ devices, request });
}

bridge?.onCommand(apply);
