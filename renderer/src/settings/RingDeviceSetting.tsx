import { useEffect, useState } from 'preact/hooks';
import type { EvoTrayBridge, RingDevice, Settings } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';
import { SetByOrganisation, describedBy } from './SetByOrganisation.js';
import type { SettingSaver } from './useSettingSaver.js';

interface Props {
  settings: Settings;
  bridge: EvoTrayBridge;
  saver: SettingSaver;
  /** The chosen speaker the ring could not find (WindowState.ringDeviceMissing). */
  missing: string | undefined;
  /** IT's policy enforces the speaker: the picker is shown locked. */
  locked?: boolean;
}

/**
 * Which speaker the ring plays on: the system default, then the outputs the ring page sees,
 * labelled as the OS names them. A chosen speaker that is not connected stays chosen (it may be
 * plugged in again) and says so.
 */
export function RingDeviceSetting({ settings, bridge, saver, missing, locked = false }: Props) {
  const t = useT();
  const [devices, setDevices] = useState<RingDevice[]>([]);
  useEffect(() => {
    let live = true;
    // Without the list the picker still offers the default and the chosen speaker.
    bridge.listRingDevices().then(
      (list) => live && setDevices(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [bridge]);

  const others = devices.filter((d) => d.deviceId !== '');
  const chosen = settings.ringDevice;
  const error = saver.errorFor('ringDevice');
  return (
    <div class="setting">
      <label for="ring-device">{t('ringing.device')}</label>
      <select
        id="ring-device"
        value={chosen}
        disabled={locked}
        aria-describedby={describedBy('ring-device', locked)}
        onChange={(e) => void saver.save('ringDevice', { ringDevice: e.currentTarget.value })}
      >
        <option value="">{t('ringing.device.default')}</option>
        {others.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || t('ringing.device.unnamed', { number: i + 1 })}
          </option>
        ))}
        {chosen !== '' && !others.some((d) => d.deviceId === chosen) && (
          <option value={chosen}>{t('ringing.device.gone')}</option>
        )}
      </select>
      {locked && <SetByOrganisation controlId="ring-device" />}
      {missing !== undefined && missing === chosen && (
        <p id="ring-device-missing" class="notice" role="status">
          {t('ringing.device.missing')}
        </p>
      )}
      {error && (
        <p id="ring-device-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
