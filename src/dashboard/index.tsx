// The dashboard page. For now: the size of the claim base; browsing and review come with the UI issue.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { Response } from '../shared/messages.ts';

function Dashboard() {
  const [base, setBase] = useState<Response<'ping'> | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    callBackground('ping', {}).then(setBase, (e: Error) => setError(e.message));
  }, []);
  return (
    <main>
      <h1>Crosscheck</h1>
      {error && <p role="alert">{error}</p>}
      {base && (
        <p class="muted" data-testid="base-size">
          {base.claims} claims from {base.sources} sources in your base.
        </p>
      )}
    </main>
  );
}

render(<Dashboard />, document.getElementById('app')!);
