import { useState } from 'preact/hooks';
import type {
  EvoTrayBridge,
  IncomingWindowMode,
  RingSound,
  Settings,
} from '../../../main/boundary/contract.js';
import { messageOf } from '../state.js';
import { ToggleSetting } from './ToggleSetting.js';
import type { SettingSaver } from './useSettingSaver.js';

const SOUND_LABELS: Record<RingSound, string> = {
  classic: 'Classic (North American ring)',
  double: 'Double ring (UK)',
  chime: 'Soft chime',
};

const WINDOW_LABELS: Record<IncomingWindowMode, string> = {
  fallback: 'Only when notifications cannot show',
  always: 'Always (also with notifications)',
  never: 'Never',
};

interface Props {
  settings: Settings;
  bridge: EvoTrayBridge;
  saver: SettingSaver;
}

/** Ring until answered, its sound, volume and test; the incoming-call window; the shortcut. */
export function RingingSettings({ settings, bridge, saver }: Props) {
  const [testError, setTestError] = useState<string | undefined>();
  const test = (): void => {
    setTestError(undefined);
    bridge.testRingSound().catch((e: unknown) => setTestError(messageOf(e)));
  };
  const error = (field: string, id: string) => {
    const message = field === 'test' ? testError : saver.errorFor(field);
    return message ? (
      <p id={`${id}-error`} class="field-error" role="alert">
        {message}
      </p>
    ) : null;
  };

  return (
    <section aria-labelledby="settings-ringing">
      <h2 id="settings-ringing">Ringing</h2>
      <ToggleSetting
        id="ring-until-answered"
        label="Ring until answered"
        checked={settings.ringUntilAnswered}
        error={saver.errorFor('ringUntilAnswered')}
        onSave={(on) => saver.save('ringUntilAnswered', { ringUntilAnswered: on })}
      />
      <div class="setting">
        <label for="ring-sound">Ring sound</label>
        <select
          id="ring-sound"
          value={settings.ringSound}
          onChange={(e) =>
            void saver.save('ringSound', { ringSound: e.currentTarget.value as RingSound })
          }
        >
          {(Object.keys(SOUND_LABELS) as RingSound[]).map((id) => (
            <option key={id} value={id}>
              {SOUND_LABELS[id]}
            </option>
          ))}
        </select>
        {error('ringSound', 'ring-sound')}
      </div>
      <div class="setting">
        <label for="ring-volume">Ring volume</label>
        <input
          id="ring-volume"
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(settings.ringVolume * 100)}
          aria-valuetext={`${Math.round(settings.ringVolume * 100)}%`}
          onChange={(e) =>
            void saver.save('ringVolume', { ringVolume: Number(e.currentTarget.value) / 100 })
          }
        />
        {error('ringVolume', 'ring-volume')}
      </div>
      <button type="button" id="ring-test" onClick={test}>
        Test the ring
      </button>
      {error('test', 'ring-test')}
      <div class="setting">
        <label for="incoming-window">Show the incoming-call window</label>
        <select
          id="incoming-window"
          value={settings.incomingWindow}
          onChange={(e) =>
            void saver.save('incomingWindow', {
              incomingWindow: e.currentTarget.value as IncomingWindowMode,
            })
          }
        >
          {(Object.keys(WINDOW_LABELS) as IncomingWindowMode[]).map((id) => (
            <option key={id} value={id}>
              {WINDOW_LABELS[id]}
            </option>
          ))}
        </select>
        {error('incomingWindow', 'incoming-window')}
      </div>
      <ShortcutSetting settings={settings} saver={saver} />
    </section>
  );
}

/** A key combination typed as text; saved on Enter or leaving the field; empty turns it off. */
function ShortcutSetting({ settings, saver }: { settings: Settings; saver: SettingSaver }) {
  const [draft, setDraft] = useState<string | undefined>();
  const error = saver.errorFor('globalShortcut');
  const commit = (keys: string): void => {
    if (keys.trim() === settings.globalShortcut) return setDraft(undefined);
    void saver.save('globalShortcut', { globalShortcut: keys.trim() }).then((ok) => {
      if (ok) setDraft(undefined);
    });
  };
  return (
    <div class="setting">
      <label for="global-shortcut">Shortcut to open the ringing call</label>
      <input
        id="global-shortcut"
        type="text"
        placeholder="Off (e.g. CommandOrControl+Shift+A)"
        value={draft ?? settings.globalShortcut}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          error ? 'global-shortcut-hint global-shortcut-error' : 'global-shortcut-hint'
        }
      />
      <p id="global-shortcut-hint" class="hint">
        Works from any app. Leave empty to turn it off.
      </p>
      {error && (
        <p id="global-shortcut-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
