// The global pause and the per-site switch, kept in the settings table. Sites are enabled unless
// the user turned them off, so a fresh install annotates every http(s) page.
import type { CrosscheckDB } from './db.ts';

const PAUSED = 'paused';
const DISABLED_SITES = 'disabledSites';
/** Set from the dashboard's settings (library-store.ts writes it). */
const HIGH_CONTRAST = 'highContrast';

export async function isPaused(db: CrosscheckDB): Promise<boolean> {
  return (await db.settings.get(PAUSED))?.value === true;
}

export async function disabledSites(db: CrosscheckDB): Promise<string[]> {
  const value = (await db.settings.get(DISABLED_SITES))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export async function siteStatus(db: CrosscheckDB, host: string) {
  const [paused, disabled, contrast] = await Promise.all([
    isPaused(db),
    disabledSites(db),
    db.settings.get(HIGH_CONTRAST),
  ]);
  const siteEnabled = !disabled.includes(host.toLowerCase());
  return { paused, siteEnabled, enabled: !paused && siteEnabled, highContrast: contrast?.value === true };
}

export async function setSiteEnabled(db: CrosscheckDB, host: string, enabled: boolean): Promise<void> {
  const key = host.toLowerCase();
  await db.transaction('rw', db.settings, async () => {
    const rest = (await disabledSites(db)).filter((h) => h !== key);
    await db.settings.put({ key: DISABLED_SITES, value: enabled ? rest : [...rest, key] });
  });
}

export async function setPaused(db: CrosscheckDB, paused: boolean): Promise<void> {
  await db.settings.put({ key: PAUSED, value: paused });
}
