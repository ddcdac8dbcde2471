// The screen pop: the address template, when it opens by itself, and a Test that fills the
// template with a sample call and shows the address before anything opens. The template's
// problem is said as the agent types (the same grammar main checks before it fills one).
import { useState } from 'preact/hooks';
import type {
  EvoTrayBridge,
  ScreenPopSettings as ScreenPop,
  ScreenPopTestResult,
  ScreenPopWhen,
} from '../../../main/boundary/contract.js';
import type { MessageId } from '../i18n.js';
import type { Translate } from '../i18n.js';
import { PLACEHOLDERS, templateProblem } from '../../../main/boundary/screen-pop.js';
import { useT } from '../i18n.js';
import { messageOf } from '../state.js';
import type { SettingSaver } from './useSettingSaver.js';
import { SetByOrganisation, describedBy } from './SetByOrganisation.js';

const WHEN_LABELS: Record<ScreenPopWhen, MessageId> = {
  ringing: 'screenPop.when.ringing',
  answered: 'screenPop.when.answered',
  manual: 'screenPop.when.manual',
};

/** The placeholder the hint and the brace problem show as an example: what a CRM searches on. */
const EXAMPLE = '{fromDigits}';

/** What the Test showed: the filled address, or why it cannot open. */
type Shown = ScreenPopTestResult & { template: string };

interface Props {
  screenPop: ScreenPop;
  bridge: EvoTrayBridge;
  saver: SettingSaver;
  /** Whether IT's policy enforces the setting of this key: its control is shown locked. */
  locked?: (key: string) => boolean;
}

export function ScreenPopSettings({ screenPop, bridge, saver, locked = () => false }: Props) {
  const urlLocked = locked('screenPop.url');
  const whenLocked = locked('screenPop.when');
  const t = useT();
  const [draft, setDraft] = useState<string | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const template = draft ?? screenPop.url;
  const problem = problemWords(template, t);
  const saveError = saver.errorFor('screenPop.url');

  const commit = (url: string): void => {
    if (url.trim() === screenPop.url) return setDraft(undefined);
    void saver.save('screenPop.url', { screenPop: { url: url.trim() } }).then((ok) => {
      if (ok) setDraft(undefined);
    });
  };
  const test = async (open: boolean): Promise<void> => {
    const url = template.trim();
    try {
      setShown({ ...(await bridge.testScreenPop({ url, open })), template: url });
    } catch (e) {
      setShown({ ok: false, error: messageOf(e, t('error.unknown')), template: url });
    }
  };
  // A result for another template than the one in the field is no longer true.
  const result = shown?.template === template.trim() ? shown : undefined;
  const described = ['screen-pop-url-hint'];
  if (problem) described.push('screen-pop-url-problem');
  if (saveError) described.push('screen-pop-url-error');

  return (
    <section aria-labelledby="settings-screen-pop">
      <h2 id="settings-screen-pop">{t('screenPop.title')}</h2>
      <div class="setting">
        <label for="screen-pop-url">{t('screenPop.url')}</label>
        <input
          id="screen-pop-url"
          type="url"
          value={template}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => commit(e.currentTarget.value)}
          disabled={urlLocked}
          aria-invalid={problem || saveError ? true : undefined}
          aria-describedby={describedBy('screen-pop-url', urlLocked, ...described)}
        />
        {urlLocked && <SetByOrganisation controlId="screen-pop-url" />}
        <p id="screen-pop-url-hint" class="hint">
          {t('screenPop.urlHint', { example: EXAMPLE })}
        </p>
        {problem && (
          <p id="screen-pop-url-problem" class="field-error" role="alert">
            {problem}
          </p>
        )}
        {saveError && (
          <p id="screen-pop-url-error" class="field-error" role="alert">
            {saveError}
          </p>
        )}
      </div>
      <div class="setting">
        <label for="screen-pop-when">{t('screenPop.when')}</label>
        <select
          id="screen-pop-when"
          value={screenPop.when}
          disabled={whenLocked}
          aria-describedby={describedBy('screen-pop-when', whenLocked)}
          onChange={(e) =>
            void saver.save('screenPop.when', {
              screenPop: { when: e.currentTarget.value as ScreenPopWhen },
            })
          }
        >
          {(Object.keys(WHEN_LABELS) as ScreenPopWhen[]).map((id) => (
            <option key={id} value={id}>
              {t(WHEN_LABELS[id])}
            </option>
          ))}
        </select>
        {whenLocked && <SetByOrganisation controlId="screen-pop-when" />}
      </div>
      <button type="button" id="screen-pop-test" onClick={() => void test(false)}>
        {t('screenPop.test')}
      </button>
      {result?.ok === true && (
        <div class="screen-pop-test" role="status">
          <p>{t('screenPop.testAddress')}</p>
          <p>
            <code id="screen-pop-address">{result.url}</code>
          </p>
          <button type="button" id="screen-pop-open" onClick={() => void test(true)}>
            {t('screenPop.openIt')}
          </button>
        </div>
      )}
      {result?.ok === false && (
        <p id="screen-pop-test-error" class="field-error" role="alert">
          {result.error}
        </p>
      )}
    </section>
  );
}

/** The template's problem in the agent's language; undefined when it can be filled. */
function problemWords(template: string, t: Translate): string | undefined {
  const problem = templateProblem(template);
  if (problem === undefined) return undefined;
  if (problem.problem === 'brace') return t('screenPop.problem.brace', { example: EXAMPLE });
  const list = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  return t('screenPop.problem.placeholder', { name: `{${problem.name}}`, list });
}
