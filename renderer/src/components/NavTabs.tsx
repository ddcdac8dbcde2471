import type { WindowState } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';
import type { Route } from '../router.js';

/** The header: Calls / Missed (with the unseen count) / Settings. */
export function NavTabs({ state, route }: { state: WindowState; route: Route }) {
  const t = useT();
  const unseen = state.missed.filter((m) => !m.seen).length;
  const current = route.view === 'session' ? undefined : route.view;
  return (
    <header class="app-header">
      <span class="brand">Evo Voice</span>
      <nav aria-label={t('nav.label')}>
        <a href="#/calls" aria-current={current === 'calls' ? 'page' : undefined}>
          {t('nav.calls')}
          {state.calls.length > 0 && <span class="count">{state.calls.length}</span>}
        </a>
        <a href="#/missed" aria-current={current === 'missed' ? 'page' : undefined}>
          {t('nav.missed')}
          {unseen > 0 && (
            <span class="count count-alert">
              {unseen}
              <span class="visually-hidden"> {t('nav.unseen')}</span>
            </span>
          )}
        </a>
        <a href="#/settings" aria-current={current === 'settings' ? 'page' : undefined}>
          {t('nav.settings')}
        </a>
      </nav>
    </header>
  );
}
