import { useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { SourceRow } from '../shared/calls-library.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { SourceReader } from './source-reader.tsx';
import { formatDate } from './verdict-label.ts';
import { useCall } from './use-call.ts';

const Unknown = () => (
  <>
    <span aria-hidden="true" class="muted">
      —
    </span>
    <span class="crosscheck-sr-only">unknown</span>
  </>
);

/** The sources in the base: search, open one in the reader, delete one after confirming. */
export function SourcesView() {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<SourceRow | undefined>();
  const [status, setStatus] = useState('');
  const { data, error, reload } = useCall('listSources', { query }, query);

  if (open) return <SourceReader id={open} onClose={() => setOpen(undefined)} />;

  const remove = async (row: SourceRow) => {
    setDeleting(undefined);
    try {
      const r = await callBackground('deleteSource', { id: row.id });
      setStatus(`Deleted “${row.title}” with ${r.claims} claims and ${r.relations} relations.`);
    } catch (e) {
      setStatus((e as Error).message);
    }
    reload();
  };

  return (
    <div>
      <h2>Sources</h2>
      <label class="crosscheck-field">
        Search sources{' '}
        <input
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          data-testid="source-search"
        />
      </label>
      <p role="status" class="muted">
        {status}
      </p>
      {error && <p role="alert">{error}</p>}
      {data && (
        <table class="crosscheck-table" data-testid="sources">
          <caption class="crosscheck-sr-only">Sources in your base</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Site</th>
              <th scope="col">Date</th>
              <th scope="col">Claims</th>
              <th scope="col">
                <span class="crosscheck-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((s) => (
              <tr data-source-id={s.id}>
                <th scope="row">
                  <button type="button" class="crosscheck-link" onClick={() => setOpen(s.id)} data-open>
                    {s.title}
                  </button>
                </th>
                <td>{s.site ?? <Unknown />}</td>
                <td>{formatDate(s.published) || <Unknown />}</td>
                <td data-claim-count>{s.claims}</td>
                <td>
                  <button
                    type="button"
                    class="crosscheck-danger"
                    data-delete
                    onClick={() => setDeleting(s)}
                    aria-label={`Delete ${s.title}`}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.length === 0 && <p class="muted">No sources match.</p>}
      {deleting && (
        <ConfirmDialog
          title="Delete this source?"
          confirmLabel="Delete source"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(undefined)}
        >
          <p>
            “{deleting.title}” and its {deleting.claims} claims, with their relations to other reports, leave
            your base. Pages stop showing it as a report.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
