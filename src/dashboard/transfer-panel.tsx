// Import and export on the dashboard: the claim pack, W3C Web Annotations and schema.org ClaimReview.
// Files are made and read in the background (all-or-nothing imports); this panel only downloads what the
// background returns and hands it the text of the file the user picks.
import { useId, useState } from 'preact/hooks';
import { callBackground } from '../shared/rpc.ts';
import type { ExportedFile, TransferImportResult, TransferKind } from '../shared/calls-transfer.ts';

type ExportCall = 'exportPack' | 'exportWebAnnotations' | 'exportClaimReviews';

const EXPORTS: { call: ExportCall; label: string; hint: string }[] = [
  {
    call: 'exportPack',
    label: 'Export claim pack',
    hint: 'Crosscheck’s own format: every source, claim and relation.',
  },
  {
    call: 'exportWebAnnotations',
    label: 'Export Web Annotations',
    hint: 'W3C JSON-LD, for annotation tools.',
  },
  {
    call: 'exportClaimReviews',
    label: 'Export ClaimReviews',
    hint: 'schema.org JSON-LD of reviewed claims.',
  },
];

const KINDS: { value: TransferKind | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Detect from the file' },
  { value: 'pack', label: 'Claim pack' },
  { value: 'web-annotation', label: 'W3C Web Annotations' },
  { value: 'claim-review', label: 'schema.org ClaimReview' },
];

/** Guesses a file's format from its JSON; unknown text goes as a claim pack, whose errors say what is wrong. */
export function sniffKind(text: string): TransferKind {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'pack';
  }
  const probe = (x: unknown): string | undefined => {
    if (typeof x !== 'object' || x === null) return undefined;
    const o = x as Record<string, unknown>;
    if (o.format === 'crosscheck-claim-pack') return 'pack';
    const type = JSON.stringify(o.type ?? o['@type'] ?? '');
    if (/ClaimReview/.test(type)) return 'claim-review';
    if (/Annotation/.test(type)) return 'web-annotation';
    if (/DataFeed|ItemList/.test(type)) return 'claim-review';
    return undefined;
  };
  const first = Array.isArray(json) ? json[0] : json;
  const kind = probe(first);
  return (kind as TransferKind | undefined) ?? 'pack';
}

function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function describeImport(r: TransferImportResult): string {
  const parts = [`${r.sources} sources`, `${r.claims} claims`, `${r.relations} relations`];
  if (r.reviews) parts.push(`${r.reviews} reviews`);
  return `Imported ${parts.join(', ')}.`;
}

type Message = { kind: 'status' | 'alert'; text: string } | undefined;

export interface TransferPanelProps {
  /** Export only these sources (claim pack and Web Annotations); the whole base when absent. */
  sourceIds?: string[];
  /** Called after a successful import, so views can reload. */
  onImported?: () => void;
}

export function TransferPanel({ sourceIds, onImported }: TransferPanelProps = {}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const [kind, setKind] = useState<TransferKind | 'auto'>('auto');
  const [file, setFile] = useState<File | undefined>();

  async function runExport(call: ExportCall) {
    setBusy(true);
    setMessage(undefined);
    try {
      const exported =
        call === 'exportClaimReviews'
          ? await callBackground(call, {})
          : await callBackground(call, sourceIds ? { sourceIds } : {});
      download(exported);
      setMessage({ kind: 'status', text: `Exported ${exported.count} records to ${exported.filename}.` });
    } catch (e) {
      setMessage({ kind: 'alert', text: `Export failed: ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  async function runImport(event: Event) {
    event.preventDefault();
    if (!file) {
      setMessage({ kind: 'alert', text: 'Choose a file to import first.' });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const text = await file.text();
      const chosen = kind === 'auto' ? sniffKind(text) : kind;
      const result = await callBackground('importFile', { kind: chosen, text });
      setMessage({ kind: 'status', text: describeImport(result) });
      onImported?.();
    } catch (e) {
      setMessage({ kind: 'alert', text: `Nothing was imported. ${(e as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="crosscheck-transfer" aria-labelledby={`${id}-title`} data-testid="transfer-panel">
      <h2 id={`${id}-title`}>Import and export</h2>
      <p class="muted">
        {sourceIds
          ? `Exports cover the ${sourceIds.length} selected sources.`
          : 'Exports cover the whole base. Imports are all or nothing: a bad file changes nothing.'}
      </p>
      <div class="crosscheck-transfer-exports" role="group" aria-label="Export">
        {EXPORTS.map((x) => (
          <button
            key={x.call}
            type="button"
            disabled={busy}
            title={x.hint}
            data-testid={x.call}
            onClick={() => void runExport(x.call)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <form class="crosscheck-transfer-import" onSubmit={(e) => void runImport(e)} aria-label="Import">
        <label for={`${id}-file`}>File to import</label>{' '}
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          data-testid="import-file"
          onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />{' '}
        <label for={`${id}-kind`}>Format</label>{' '}
        <select
          id={`${id}-kind`}
          value={kind}
          data-testid="import-kind"
          onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TransferKind | 'auto')}
        >
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit" disabled={busy} data-testid="import-submit">
          Import
        </button>
      </form>
      {/* Both live regions are always in the page: screen readers announce changes to a region they
          already know, not one that appears with its text. */}
      <p role="status" data-testid="transfer-status">
        {message?.kind === 'status' ? message.text : ''}
      </p>
      <p role="alert" data-testid="transfer-error">
        {message?.kind === 'alert' ? message.text : ''}
      </p>
    </section>
  );
}
