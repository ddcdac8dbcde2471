import { useEffect, useRef } from 'preact/hooks';
import type { EvoTrayBridge } from '../../main/boundary/contract.js';
import { NavTabs } from './components/NavTabs.js';
import { StatusLine } from './components/StatusLine.js';
import { LocaleContext, useShownLocale, useT, windowLocale } from './i18n.js';
import { routeHref, useRoute, type Route } from './router.js';
import { useAppState } from './state.js';
import { CallDetailsView } from './views/CallDetailsView.js';
import { CallsView } from './views/CallsView.js';
import { IncomingView } from './views/IncomingView.js';
import { MissedView } from './views/MissedView.js';
import { SettingsView } from './views/SettingsView.js';
import { SignInForm } from './views/SignInForm.js';

export function App({ bridge }: { bridge: EvoTrayBridge }) {
  const view = useAppState(bridge);
  // Main's choice once it has said (the setting, else the system's); the browser's until then.
  const wanted = view.status === 'ready' && view.state.locale ? view.state.locale : windowLocale();
  const locale = useShownLocale(wanted);
  useEffect(() => {
    // Screen readers pick their voice by it.
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <LocaleContext.Provider value={locale}>
      <Window view={view} bridge={bridge} />
    </LocaleContext.Provider>
  );
}

function Window({ view, bridge }: { view: ReturnType<typeof useAppState>; bridge: EvoTrayBridge }) {
  const t = useT();
  const route = useRoute();
  // Back from details returns to the list the agent came from.
  const lastList = useRef<Route>({ view: 'calls' });
  if (route.view !== 'session') lastList.current = route;

  useEffect(() => {
    // Move focus to the new view's heading so keyboard and screen reader users land on it.
    document.getElementById('view-title')?.focus({ preventScroll: true });
  }, [route]);

  if (view.status === 'loading') return <p class="loading">{t('app.loading')}</p>;
  if (view.status === 'failed') {
    return (
      <main class="fatal">
        <h1>{t('app.loadFailed')}</h1>
        <p role="alert">{view.error || t('error.unknown')}</p>
      </main>
    );
  }
  const { state } = view;
  if (route.view === 'incoming') return <IncomingView state={state} bridge={bridge} />;
  if (state.account.status !== 'signed-in') return <SignInForm state={state} bridge={bridge} />;

  return (
    <div class="shell">
      <NavTabs state={state} route={route} />
      {route.view === 'calls' && <CallsView calls={state.calls} account={state.account} />}
      {route.view === 'missed' && <MissedView missed={state.missed} bridge={bridge} />}
      {route.view === 'settings' && <SettingsView state={state} bridge={bridge} />}
      {route.view === 'session' && (
        <CallDetailsView
          state={state}
          id={route.id}
          transfer={route.transfer === true}
          bridge={bridge}
          backHref={routeHref(lastList.current)}
        />
      )}
      <StatusLine state={state} />
    </div>
  );
}
