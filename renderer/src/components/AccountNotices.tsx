import type { AccountState } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';

interface Props {
  account: AccountState;
  /** Main's notice for the signed-in agent (e.g. the password could not be saved). */
  notice?: boolean;
  keychain?: boolean;
}

/**
 * What the agent should know about their account, until main stops saying it. The live region is
 * always there so a notice that arrives while the view is open is read out.
 */
export function AccountNotices({ account, notice = false, keychain = false }: Props) {
  const t = useT();
  const shown = [
    notice ? account.notice : undefined,
    keychain && account.keychain === 'unavailable' ? t('notice.keychainUnavailable') : undefined,
  ].filter((text): text is string => Boolean(text));
  return (
    <div class="notices" role="status">
      {shown.map((text) => (
        <p key={text} class="notice">
          {text}
        </p>
      ))}
    </div>
  );
}
