// A setting IT's policy enforces: its control is shown disabled, with this note beside it, so
// the agent knows why it does not move and whom to ask. Main refuses the change anyway.
import type { WindowState } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';

/** The setting's key as main names it, dotted for nested ones (`alerts.ringing`). */
export function isEnforced(state: Pick<WindowState, 'policy'>, key: string): boolean {
  return state.policy?.enforced.includes(key) ?? false;
}

/** The note's id, for the control's aria-describedby. */
export const policyNoteId = (controlId: string): string => `${controlId}-policy`;

export function SetByOrganisation({ controlId }: { controlId: string }) {
  const t = useT();
  return (
    <p id={policyNoteId(controlId)} class="hint policy-note">
      {t('settings.setByOrganisation')}
    </p>
  );
}

/** The control's aria-describedby: its own ids, and the note when the setting is locked. */
export function describedBy(
  controlId: string,
  locked: boolean | undefined,
  ...ids: (string | false | undefined)[]
): string | undefined {
  const all = [...ids, locked === true && policyNoteId(controlId)].filter(Boolean);
  return all.length > 0 ? all.join(' ') : undefined;
}
