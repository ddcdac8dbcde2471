import { useState } from 'preact/hooks';
import type { AlertKinds, AppState, EvoTrayBridge } from '../../../main/boundary/contract.js';
import { AccountNotices } from '../components/AccountNotices.js';
import { PauseControls } from '../settings/PauseControls.js';
import { RingingSettings } from '../settings/RingingSettings.js';
import { SecondsSetting } from '../settings/SecondsSetting.js';
import { ToggleSetting } from '../settings/ToggleSetting.js';
import { useSettingSaver } from '../settings/useSettingSaver.js';
import { messageOf } from '../state.js';

const ALERT_LABELS: [keyof AlertKinds, string][] = [
  ['ringing', 'Ringing calls'],
  ['held', 'Calls on hold'],
  ['missed', 'Missed calls'],
  ['connection', 'Connection lost or back'],
];

export function SettingsView({ state, bridge }: { state: AppState; bridge: EvoTrayBridge }) {
  const { settings, account } = state;
  const saver = useSettingSaver(bridge);
  const [signOutError, setSignOutError] = useState<string | undefined>();
  const signOut = (): void => {
    bridge.signOut().catch((e: unknown) => setSignOutError(messageOf(e)));
  };

  return (
    <main class="settings" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Settings
      </h1>
      <AccountNotices account={account} notice keychain />

      <section aria-labelledby="settings-account">
        <h2 id="settings-account">Account</h2>
        <dl class="fields">
          <div class="field">
            <dt>Server</dt>
            <dd>{account.server ?? settings.server}</dd>
          </div>
          <div class="field">
            <dt>Username</dt>
            <dd>{settings.username || '—'}</dd>
          </div>
          {account.demo && (
            <div class="field">
              <dt>Mode</dt>
              <dd>Demo (simulated calls)</dd>
            </div>
          )}
        </dl>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
        {signOutError && (
          <p class="field-error" role="alert">
            {signOutError}
          </p>
        )}
      </section>

      <section aria-labelledby="settings-alerts">
        <h2 id="settings-alerts">Alerts</h2>
        {ALERT_LABELS.map(([kind, label]) => (
          <ToggleSetting
            key={kind}
            id={`alert-${kind}`}
            label={label}
            checked={settings.alerts[kind]}
            error={saver.errorFor(`alerts.${kind}`)}
            onSave={(on) => saver.save(`alerts.${kind}`, { alerts: { [kind]: on } })}
          />
        ))}
        <SecondsSetting
          id="hold-delay"
          label="Alert when a call has been on hold for"
          hint="0 alerts as soon as a call is put on hold."
          valueMs={settings.holdAlertDelayMs}
          error={saver.errorFor('holdAlertDelayMs')}
          onSave={(ms) => saver.save('holdAlertDelayMs', { holdAlertDelayMs: ms })}
        />
        <SecondsSetting
          id="hold-reminder"
          label="Remind me of a held call every"
          hint="0 turns the reminders off."
          valueMs={settings.holdReminderMs}
          error={saver.errorFor('holdReminderMs')}
          onSave={(ms) => saver.save('holdReminderMs', { holdReminderMs: ms })}
        />
        <ToggleSetting
          id="sound"
          label="Play a sound"
          checked={settings.sound}
          error={saver.errorFor('sound')}
          onSave={(on) => saver.save('sound', { sound: on })}
        />
        <PauseControls state={state} bridge={bridge} />
      </section>

      <RingingSettings settings={settings} bridge={bridge} saver={saver} />

      <section aria-labelledby="settings-app">
        <h2 id="settings-app">App</h2>
        <SecondsSetting
          id="poll-interval"
          label="Check for calls every"
          valueMs={settings.pollIntervalMs}
          min={1}
          error={saver.errorFor('pollIntervalMs')}
          onSave={(ms) => saver.save('pollIntervalMs', { pollIntervalMs: ms })}
        />
        <SecondsSetting
          id="ringing-interval"
          label="While a call rings, check every"
          hint="Faster while a call of yours rings or waits in a queue, so the alert comes sooner."
          valueMs={settings.ringingIntervalMs}
          min={0.5}
          error={saver.errorFor('ringingIntervalMs')}
          onSave={(ms) => saver.save('ringingIntervalMs', { ringingIntervalMs: ms })}
        />
        <ToggleSetting
          id="open-at-login"
          label="Open at login"
          checked={settings.openAtLogin}
          error={saver.errorFor('openAtLogin')}
          onSave={(on) => saver.save('openAtLogin', { openAtLogin: on })}
        />
        <ToggleSetting
          id="check-for-updates"
          label="Check for updates"
          checked={settings.checkForUpdates}
          error={saver.errorFor('checkForUpdates')}
          onSave={(on) => saver.save('checkForUpdates', { checkForUpdates: on })}
        />
      </section>
      <p class="visually-hidden" role="status">
        {saver.savedField ? 'Saved' : ''}
      </p>
    </main>
  );
}
