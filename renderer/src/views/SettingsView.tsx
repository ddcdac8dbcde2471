import { useState } from 'preact/hooks';
import type { AlertKinds, WindowState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import type { MessageId } from '../i18n.js';
import { AccountNotices } from '../components/AccountNotices.js';
import { useT } from '../i18n.js';
import { LanguageSetting } from '../settings/LanguageSetting.js';
import { PauseControls } from '../settings/PauseControls.js';
import { RingingSettings } from '../settings/RingingSettings.js';
import { isEnforced } from '../settings/SetByOrganisation.js';
import { ScreenPopSettings } from '../settings/ScreenPopSettings.js';
import { SecondsSetting } from '../settings/SecondsSetting.js';
import { ToggleSetting } from '../settings/ToggleSetting.js';
import { useSettingSaver } from '../settings/useSettingSaver.js';
import { messageOf } from '../state.js';

const ALERT_LABELS: [keyof AlertKinds, MessageId][] = [
  ['ringing', 'settings.alert.ringing'],
  ['held', 'settings.alert.held'],
  ['missed', 'settings.alert.missed'],
  ['connection', 'settings.alert.connection'],
];

export function SettingsView({ state, bridge }: { state: WindowState; bridge: EvoTrayBridge }) {
  const t = useT();
  const { settings, account } = state;
  const saver = useSettingSaver(bridge);
  const locked = (key: string) => isEnforced(state, key);
  const [signOutError, setSignOutError] = useState<string | undefined>();
  const signOut = (): void => {
    bridge.signOut().catch((e: unknown) => setSignOutError(messageOf(e, t('error.unknown'))));
  };

  return (
    <main class="settings" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <AccountNotices account={account} notice keychain />

      <section aria-labelledby="settings-account">
        <h2 id="settings-account">{t('settings.account')}</h2>
        <dl class="fields">
          <div class="field">
            <dt>{t('settings.server')}</dt>
            <dd>{account.server ?? settings.server}</dd>
          </div>
          <div class="field">
            <dt>{t('settings.username')}</dt>
            <dd>{settings.username || '—'}</dd>
          </div>
          {account.demo && (
            <div class="field">
              <dt>{t('settings.mode')}</dt>
              <dd>{t('settings.demo')}</dd>
            </div>
          )}
        </dl>
        <button type="button" onClick={signOut}>
          {t('settings.signOut')}
        </button>
        {signOutError && (
          <p class="field-error" role="alert">
            {signOutError}
          </p>
        )}
      </section>

      <section aria-labelledby="settings-alerts">
        <h2 id="settings-alerts">{t('settings.alerts')}</h2>
        {ALERT_LABELS.map(([kind, label]) => (
          <ToggleSetting
            key={kind}
            id={`alert-${kind}`}
            label={t(label)}
            checked={settings.alerts[kind]}
            locked={locked(`alerts.${kind}`)}
            error={saver.errorFor(`alerts.${kind}`)}
            onSave={(on) => saver.save(`alerts.${kind}`, { alerts: { [kind]: on } })}
          />
        ))}
        <SecondsSetting
          id="hold-delay"
          label={t('settings.holdDelay')}
          hint={t('settings.holdDelayHint')}
          valueMs={settings.holdAlertDelayMs}
          locked={locked('holdAlertDelayMs')}
          error={saver.errorFor('holdAlertDelayMs')}
          onSave={(ms) => saver.save('holdAlertDelayMs', { holdAlertDelayMs: ms })}
        />
        <SecondsSetting
          id="hold-reminder"
          label={t('settings.holdReminder')}
          hint={t('settings.holdReminderHint')}
          valueMs={settings.holdReminderMs}
          locked={locked('holdReminderMs')}
          error={saver.errorFor('holdReminderMs')}
          onSave={(ms) => saver.save('holdReminderMs', { holdReminderMs: ms })}
        />
        <ToggleSetting
          id="sound"
          label={t('settings.sound')}
          checked={settings.sound}
          locked={locked('sound')}
          error={saver.errorFor('sound')}
          onSave={(on) => saver.save('sound', { sound: on })}
        />
        <PauseControls state={state} bridge={bridge} />
      </section>

      <RingingSettings
        settings={settings}
        bridge={bridge}
        saver={saver}
        ringDeviceMissing={state.ringDeviceMissing}
        locked={locked}
      />
      <ScreenPopSettings
        screenPop={settings.screenPop}
        bridge={bridge}
        saver={saver}
        locked={locked}
      />

      <section aria-labelledby="settings-app">
        <h2 id="settings-app">{t('settings.app')}</h2>
        <LanguageSetting language={settings.language} saver={saver} locked={locked('language')} />
        <SecondsSetting
          id="poll-interval"
          label={t('settings.pollInterval')}
          valueMs={settings.pollIntervalMs}
          min={1}
          locked={locked('pollIntervalMs')}
          error={saver.errorFor('pollIntervalMs')}
          onSave={(ms) => saver.save('pollIntervalMs', { pollIntervalMs: ms })}
        />
        <SecondsSetting
          id="ringing-interval"
          label={t('settings.ringingInterval')}
          hint={t('settings.ringingIntervalHint')}
          valueMs={settings.ringingIntervalMs}
          min={0.5}
          locked={locked('ringingIntervalMs')}
          error={saver.errorFor('ringingIntervalMs')}
          onSave={(ms) => saver.save('ringingIntervalMs', { ringingIntervalMs: ms })}
        />
        <ToggleSetting
          id="open-at-login"
          label={t('settings.openAtLogin')}
          checked={settings.openAtLogin}
          locked={locked('openAtLogin')}
          error={saver.errorFor('openAtLogin')}
          onSave={(on) => saver.save('openAtLogin', { openAtLogin: on })}
        />
        <ToggleSetting
          id="check-for-updates"
          label={t('settings.checkForUpdates')}
          checked={settings.checkForUpdates}
          locked={locked('checkForUpdates')}
          error={saver.errorFor('checkForUpdates')}
          onSave={(on) => saver.save('checkForUpdates', { checkForUpdates: on })}
        />
      </section>
      <p class="visually-hidden" role="status">
        {saver.savedField ? t('settings.saved') : ''}
      </p>
    </main>
  );
}
