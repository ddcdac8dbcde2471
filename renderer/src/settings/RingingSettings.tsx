import { useState } from 'preact/hooks';
import type {
  EvoTrayBridge,
  IncomingWindowMode,
  RingSound,
  Settings,
} from '../../../main/boundary/contract.js';
import type { MessageId } from '../i18n.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';
import { RingDeviceSetting } from './RingDeviceSetting.js';
import { SetByOrganisation, describedBy } from './SetByOrganisation.js';
import { ToggleSetting } from './ToggleSetting.js';
import type { SettingSaver } from './useSettingSaver.js';

const SOUND_LABELS: Record<RingSound, MessageId> = {
  classic: 'ringing.sound.classic',
  double: 'ringing.sound.double',
  chime: 'ringing.sound.chime',
};

const WINDOW_LABELS: Record<IncomingWindowMode, MessageId> = {
  fallback: 'ringing.window.fallback',
  always: 'ringing.window.always',
  never: 'ringing.window.never',
};

/** The shortcut the placeholder offers as an example (Electron's accelerator syntax). */
const SHORTCUT_EXAMPLE = 'CommandOrControl+Shift+A';

interface Props {
  settings: Settings;
  bridge: EvoTrayBridge;
  saver: SettingSaver;
  /** The chosen speaker the ring could not find (WindowState.ringDeviceMissing). */
  ringDeviceMissing?: string | undefined;
  /** Whether IT's policy enforces the setting of this key: its control is shown locked. */
  locked?: (key: string) => boolean;
}

/** Ring until answered, its sound, volume and test; the incoming-call window; the shortcut. */
export function RingingSettings({
  settings,
  bridge,
  saver,
  ringDeviceMissing,
  locked = () => false,
}: Props) {
  const t = useT();
  const [testError, setTestError] = useState<string | undefined>();
  const test = (): void => {
    setTestError(undefined);
    bridge.testRingSound().catch((e: unknown) => setTestError(messageOf(e, t('error.unknown'))));
  };
  const error = (field: string, id: string) => {
    const message = field === 'test' ? testError : saver.errorFor(field);
    return message ? (
      <p id={`${id}-error`} class="field-error" role="alert">
        {message}
      </p>
    ) : null;
  };
  const lock = (key: string, id: string) =>
    locked(key) ? { disabled: true, note: <SetByOrganisation controlId={id} /> } : undefined;
  const sound = lock('ringSound', 'ring-sound');
  const volume = lock('ringVolume', 'ring-volume');
  const incoming = lock('incomingWindow', 'incoming-window');

  return (
    <section aria-labelledby="settings-ringing">
      <h2 id="settings-ringing">{t('ringing.title')}</h2>
      <ToggleSetting
        id="ring-until-answered"
        label={t('ringing.untilAnswered')}
        checked={settings.ringUntilAnswered}
        locked={locked('ringUntilAnswered')}
        error={saver.errorFor('ringUntilAnswered')}
        onSave={(on) => saver.save('ringUntilAnswered', { ringUntilAnswered: on })}
      />
      <div class="setting">
        <label for="ring-sound">{t('ringing.sound')}</label>
        <select
          id="ring-sound"
          value={settings.ringSound}
          disabled={sound?.disabled}
          aria-describedby={describedBy('ring-sound', sound?.disabled)}
          onChange={(e) =>
            void saver.save('ringSound', { ringSound: e.currentTarget.value as RingSound })
          }
        >
          {(Object.keys(SOUND_LABELS) as RingSound[]).map((id) => (
            <option key={id} value={id}>
              {t(SOUND_LABELS[id])}
            </option>
          ))}
        </select>
        {sound?.note}
        {error('ringSound', 'ring-sound')}
      </div>
      <div class="setting">
        <label for="ring-volume">{t('ringing.volume')}</label>
        <input
          id="ring-volume"
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(settings.ringVolume * 100)}
          disabled={volume?.disabled}
          aria-describedby={describedBy('ring-volume', volume?.disabled)}
          aria-valuetext={t('ringing.volumeValue', { volume: settings.ringVolume })}
          onChange={(e) =>
            void saver.save('ringVolume', { ringVolume: Number(e.currentTarget.value) / 100 })
          }
        />
        {volume?.note}
        {error('ringVolume', 'ring-volume')}
      </div>
      <RingDeviceSetting
        settings={settings}
        bridge={bridge}
        saver={saver}
        missing={ringDeviceMissing}
        locked={locked('ringDevice')}
      />
      <button type="button" id="ring-test" onClick={test}>
        {t('ringing.test')}
      </button>
      {error('test', 'ring-test')}
      <div class="setting">
        <label for="incoming-window">{t('ringing.window')}</label>
        <select
          id="incoming-window"
          value={settings.incomingWindow}
          disabled={incoming?.disabled}
          aria-describedby={describedBy('incoming-window', incoming?.disabled)}
          onChange={(e) =>
            void saver.save('incomingWindow', {
              incomingWindow: e.currentTarget.value as IncomingWindowMode,
            })
          }
        >
          {(Object.keys(WINDOW_LABELS) as IncomingWindowMode[]).map((id) => (
            <option key={id} value={id}>
              {t(WINDOW_LABELS[id])}
            </option>
          ))}
        </select>
        {incoming?.note}
        {error('incomingWindow', 'incoming-window')}
      </div>
      <ShortcutSetting settings={settings} saver={saver} locked={locked('globalShortcut')} />
    </section>
  );
}

/** A key combination typed as text; saved on Enter or leaving the field; empty turns it off. */
function ShortcutSetting({
  settings,
  saver,
  locked,
}: {
  settings: Settings;
  saver: SettingSaver;
  locked: boolean;
}) {
  const t = useT();
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
      <label for="global-shortcut">{t('ringing.shortcut')}</label>
      <input
        id="global-shortcut"
        type="text"
        placeholder={t('ringing.shortcutPlaceholder', { example: SHORTCUT_EXAMPLE })}
        value={draft ?? settings.globalShortcut}
        disabled={locked}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(
          'global-shortcut',
          locked,
          'global-shortcut-hint',
          error && 'global-shortcut-error',
        )}
      />
      {locked && <SetByOrganisation controlId="global-shortcut" />}
      <p id="global-shortcut-hint" class="hint">
        {t('ringing.shortcutHint')}
      </p>
      {error && (
        <p id="global-shortcut-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
