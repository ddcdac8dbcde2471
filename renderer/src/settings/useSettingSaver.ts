import { useState } from 'preact/hooks';
import type { EvoTrayBridge, SettingsPatch } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';

/** The settings the window edits: main accepts no other key from it (pausing is pauseAlerts). */
export type WindowSettingsPatch = Pick<
  SettingsPatch,
  | 'pollIntervalMs'
  | 'ringingIntervalMs'
  | 'alerts'
  | 'holdAlertDelayMs'
  | 'holdReminderMs'
  | 'sound'
  | 'openAtLogin'
  | 'checkForUpdates'
  | 'ringUntilAnswered'
  | 'ringSound'
  | 'ringVolume'
  | 'ringDevice'
  | 'incomingWindow'
  | 'globalShortcut'
  | 'language'
  | 'screenPop'
>;

export interface SettingSaver {
  /** Saves one field; resolves true when the app accepted it. The error stays next to `field`. */
  save(field: string, patch: WindowSettingsPatch): Promise<boolean>;
  errorFor(field: string): string | undefined;
  /** The field saved last, for the "Saved" note. */
  savedField: string | undefined;
}

export function useSettingSaver(bridge: EvoTrayBridge): SettingSaver {
  const t = useT();
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [savedField, setSavedField] = useState<string | undefined>();

  const save = async (field: string, patch: WindowSettingsPatch): Promise<boolean> => {
    try {
      await bridge.updateSettings(patch);
      setErrors((e) => ({ ...e, [field]: undefined }));
      setSavedField(field);
      return true;
    } catch (error) {
      setErrors((e) => ({ ...e, [field]: messageOf(error, t('error.unknown')) }));
      setSavedField(undefined);
      return false;
    }
  };

  return { save, errorFor: (field) => errors[field], savedField };
}
