import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { LibrarySettings } from '../shared/calls-library.ts';

const DEFAULT_SIMILARITY = 0.25;

/** Disabled sites, match sensitivity, high-contrast colours and the reviewer's name. */
export function SettingsView(props: { onChange(settings: LibrarySettings): void }) {
  const [settings, setSettings] = useState<LibrarySettings | undefined>();
  const [reviewer, setReviewer] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    callBackground('getLibrarySettings', {}).then(
      (s) => {
        setSettings(s);
        setReviewer(s.reviewer);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const apply = async (
    change: Parameters<typeof callBackground<'setLibrarySettings'>>[1],
    message: string,
  ) => {
    try {
      const s = await callBackground('setLibrarySettings', change);
      setSettings(s);
      props.onChange(s);
      setStatus(message);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const enable = async (host: string) => {
    await callBackground('setSiteEnabled', { host, enabled: true });
    setSettings(await callBackground('getLibrarySettings', {}));
    setStatus(`Crosscheck annotates ${host} again.`);
  };
  if (error) return <p role="alert">{error}</p>;
  if (!settings) return <p class="muted">Loading…</p>;
  const similarity = settings.minSimilarity ?? DEFAULT_SIMILARITY;
  return (
    <div class="crosscheck-settings">
      <h2>Settings</h2>
      <p role="status" class="muted">
        {status}
      </p>
      <fieldset>
        <legend>Reviewer</legend>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void apply({ reviewer }, 'Reviewer name saved.');
          }}
        >
          <label for="reviewer-name">Your name on reviews</label>{' '}
          <input
            id="reviewer-name"
            type="text"
            value={reviewer}
            onInput={(e) => setReviewer(e.currentTarget.value)}
          />{' '}
          <button type="submit">Save name</button>
        </form>
      </fieldset>
      <fieldset>
        <legend>Match sensitivity</legend>
        <label for="min-similarity">
          Lowest similarity a report needs:{' '}
          <output for="min-similarity">{Math.round(similarity * 100)}%</output>
        </label>
        <input
          id="min-similarity"
          type="range"
          min={0.1}
          max={0.6}
          step={0.05}
          value={similarity}
          onChange={(e) =>
            void apply(
              { minSimilarity: Number(e.currentTarget.value) },
              'Sensitivity saved; open pages re-annotate.',
            )
          }
        />{' '}
        <button
          type="button"
          disabled={settings.minSimilarity === undefined}
          onClick={() => void apply({ minSimilarity: null }, 'Default sensitivity restored.')}
        >
          Default (25%)
        </button>
        <p class="muted">Lower finds more reports, including weaker ones; higher shows only close matches.</p>
      </fieldset>
      <fieldset>
        <legend>Colours</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.highContrast}
            onChange={(e) => void apply({ highContrast: e.currentTarget.checked }, 'Colours saved.')}
          />{' '}
          High-contrast verdict colours
        </label>
      </fieldset>
      <fieldset>
        <legend>Sites</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">Crosscheck annotates every site. Turn a site off from the toolbar popup.</p>
        ) : (
          <ul class="crosscheck-sites" aria-label="Sites Crosscheck leaves alone">
            {settings.disabledSites.map((host) => (
              <li>
                {host}{' '}
                <button type="button" onClick={() => void enable(host)}>
                  Re-enable {host}
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}
