import { useState } from 'preact/hooks';
import type { EvoTrayBridge } from '../../../main/boundary/contract.js';
import { useT } from '../i18n.js';

export function CopyButton({
  bridge,
  value,
  label,
}: {
  bridge: EvoTrayBridge;
  value: string;
  /** What is copied, in the agent's words: "Session id", "number +1503…". */
  label: string;
}) {
  const t = useT();
  const [done, setDone] = useState<'copied' | 'failed' | undefined>();
  const copy = (): void => {
    bridge.copyText(value).then(
      () => setDone('copied'),
      () => setDone('failed'),
    );
  };
  return (
    <>
      <button
        type="button"
        class="copy"
        onClick={copy}
        aria-label={t('copy.label', { what: label })}
      >
        {t('copy.button')}
      </button>
      <span class="copy-result" role="status">
        {done === 'copied' ? t('copy.done') : done === 'failed' ? t('copy.failed') : ''}
      </span>
    </>
  );
}
