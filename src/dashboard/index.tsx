// The dashboard (options page): sources, claims, the conflicts queue, the claim map, import and export,
// the audit log and settings, one tab each. The selected tab is kept in the URL hash so reloads and
// links (dashboard.html#conflicts) land on it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { LibrarySettings } from '../shared/calls-library.ts';
import { AuditView } from './audit-view.tsx';
import { ClaimMap } from './claim-map.tsx';
import { ClaimsView } from './claims-view.tsx';
import { ConflictsView } from './conflicts-view.tsx';
import { SettingsView } from './settings-view.tsx';
import { SourcesView } from './sources-view.tsx';
import { Tabs } from './tabs.tsx';
import { TransferPanel } from './transfer-panel.tsx';
import { useCall } from './use-call.ts';

const TABS = [
  { id: 'sources', label: 'Sources' },
  { id: 'claims', label: 'Claims' },
  { id: 'conflicts', label: 'Conflicts' },
  { id: 'map', label: 'Claim map' },
  { id: 'transfer', label: 'Import & export' },
  { id: 'audit', label: 'Audit log' },
  { id: 'settings', label: 'Settings' },
];

const tabFromHash = () => {
  const id = location.hash.slice(1);
  return TABS.some((t) => t.id === id) ? id : 'sources';
};

const applyContrast = (s: Pick<LibrarySettings, 'highContrast'>) =>
  document.documentElement.toggleAttribute('data-crosscheck-contrast', s.highContrast);

function Dashboard() {
  const [tab, setTab] = useState(tabFromHash);
  const base = useCall('ping', {}, tab);
  useEffect(() => {
    const onHash = () => setTab(tabFromHash());
    addEventListener('hashchange', onHash);
    callBackground('getLibrarySettings', {}).then(applyContrast, () => undefined);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const select = (id: string) => {
    history.replaceState(null, '', `#${id}`);
    setTab(id);
  };
  return (
    <main class="crosscheck-dashboard-main">
      <header class="crosscheck-header">
        <h1>Crosscheck</h1>
        {base.data && (
          <p class="muted" data-testid="base-size">
            {base.data.claims} claims from {base.data.sources} sources in your base.
          </p>
        )}
      </header>
      <Tabs tabs={TABS} selected={tab} onSelect={select}>
        {tab === 'sources' && <SourcesView />}
        {tab === 'claims' && <ClaimsView />}
        {tab === 'conflicts' && <ConflictsView />}
        {tab === 'map' && <ClaimMap />}
        {tab === 'transfer' && <TransferPanel />}
        {tab === 'audit' && <AuditView />}
        {tab === 'settings' && <SettingsView onChange={applyContrast} />}
      </Tabs>
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
