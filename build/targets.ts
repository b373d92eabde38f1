// The two browsers we ship to, and how each one's manifest differs from the one source manifest.
export const GECKO_ID = 'crosscheck@crosscheck.invalid';

export type Target = 'chromium' | 'firefox';
export type Manifest = Record<string, unknown>;

export function deriveManifest(source: Manifest, target: Target): Manifest {
  const m = structuredClone(source);
  if (target === 'firefox') {
    // Firefox MV3 has no service workers for extensions: the same bundle runs as an event page.
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    };
  } else {
    m.background = { service_worker: 'background.js' };
    m.minimum_chrome_version = '120';
  }
  return m;
}
