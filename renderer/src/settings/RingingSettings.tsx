import { useState } from 'preact/hooks';
import type {
  EvoTrayBridge,
  IncomingWindowMode,
  RingSound,
  Settings,
} from '../../../main/boundary/contract.js';
import type { MessageId } from '../../../main/boundary/i18n/catalog.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';
import { RingDeviceSetting } from './RingDeviceSetting.js';
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
  /** The chosen speaker the ring could not find (AppState.ringDeviceMissing). */
  ringDeviceMissing?: string | undefined;
}

/** Ring until answered, its sound, volume and test; the incoming-call window; the shortcut. */
export function RingingSettings({ settings, bridge, saver, ringDeviceMissing }: Props) {
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

  return (
    <section aria-labelledby="settings-ringing">
      <h2 id="settings-ringing">{t('ringing.title')}</h2>
      <ToggleSetting
        id="ring-until-answered"
        label={t('ringing.untilAnswered')}
        checked={settings.ringUntilAnswered}
        error={saver.errorFor('ringUntilAnswered')}
        onSave={(on) => saver.save('ringUntilAnswered', { ringUntilAnswered: on })}
      />
      <div class="setting">
        <label for="ring-sound">{t('ringing.sound')}</label>
        <select
          id="ring-sound"
          value={settings.ringSound}
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
          aria-valuetext={t('ringing.volumeValue', { volume: settings.ringVolume })}
          onChange={(e) =>
            void saver.save('ringVolume', { ringVolume: Number(e.currentTarget.value) / 100 })
          }
        />
        {error('ringVolume', 'ring-volume')}
      </div>
      <RingDeviceSetting
        settings={settings}
        bridge={bridge}
        saver={saver}
        missing={ringDeviceMissing}
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
        {error('incomingWindow', 'incoming-window')}
      </div>
      <ShortcutSetting settings={settings} saver={saver} />
    </section>
  );
}

/** A key combination typed as text; saved on Enter or leaving the field; empty turns it off. */
function ShortcutSetting({ settings, saver }: { settings: Settings; saver: SettingSaver }) {
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
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          error ? 'global-shortcut-hint global-shortcut-error' : 'global-shortcut-hint'
        }
      />
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
