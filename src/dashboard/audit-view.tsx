import { useCall } from './use-call.ts';

/** The audit log: every review, deletion and settings change, newest first. */
export function AuditView() {
  const { data, error } = useCall('listAudit', {}, '');
  return (
    <div>
      <h2>Audit log</h2>
      {error && <p role="alert">{error}</p>}
      {data?.length === 0 && <p class="muted">Nothing changed yet.</p>}
      {data && data.length > 0 && (
        <table class="crosscheck-table" data-testid="audit">
          <caption class="crosscheck-sr-only">Changes, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {data.map((e) => (
              <tr data-action={e.action}>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.action}</td>
                <td class="crosscheck-mono">{e.targetId}</td>
                <td>{e.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
