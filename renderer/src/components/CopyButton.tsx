import { useState } from 'preact/hooks';
import type { EvoTrayBridge } from '../../../main/boundary/contract.js';

export function CopyButton({
  bridge,
  value,
  label,
}: {
  bridge: EvoTrayBridge;
  value: string;
  label: string;
}) {
  const [done, setDone] = useState<'copied' | 'failed' | undefined>();
  const copy = (): void => {
    bridge.copyText(value).then(
      () => setDone('copied'),
      () => setDone('failed'),
    );
  };
  return (
    <>
      <button type="button" class="copy" onClick={copy} aria-label={`Copy ${label}`}>
        Copy
      </button>
      <span class="copy-result" role="status">
        {done === 'copied' ? 'Copied' : done === 'failed' ? 'Could not copy' : ''}
      </span>
    </>
  );
}
