import { useState } from 'preact/hooks';
import type { ClaimDetail } from '../shared/calls-library.ts';
import { ReviewBadge } from '../shared/ui/review-badge.tsx';
import { ReviewForm } from './review-form.tsx';
import { useCall } from './use-call.ts';
import { formatDate, VERDICT_LABELS } from './verdict-label.ts';

/** One source's text with its claims highlighted by verdict; choosing a claim shows its relations and review. */
export function SourceReader(props: { id: string; onClose(): void }) {
  const { data, error, reload } = useCall('getSource', { id: props.id }, props.id);
  const [chosen, setChosen] = useState<string | undefined>();
  if (error) return <p role="alert">{error}</p>;
  if (data === undefined) return <p class="muted">Loading…</p>;
  if (data === null) return <p>This source is no longer in your base.</p>;
  const { source, claims } = data;
  const pieces: (string | ClaimDetail)[] = [];
  let pos = 0;
  for (const c of claims) {
    if (c.start < pos) continue;
    pieces.push(source.text.slice(pos, c.start), c);
    pos = c.end;
  }
  pieces.push(source.text.slice(pos));
  const claim = claims.find((c) => c.id === chosen);
  return (
    <article class="crosscheck-reader" aria-labelledby="reader-title">
      <button type="button" onClick={props.onClose}>
        ← All sources
      </button>
      <h2 id="reader-title">{source.title}</h2>
      <p class="muted">
        {[source.site, formatDate(source.published), `${source.claims} claims`].filter(Boolean).join(' · ')}
        {source.url && (
          <>
            {' · '}
            <a href={source.url} target="_blank" rel="noreferrer">
              original
            </a>
          </>
        )}
      </p>
      <div class="crosscheck-reader-body">
        <div class="crosscheck-reader-text" data-testid="reader-text">
          {pieces.map((p) =>
            typeof p === 'string' ? (
              p
            ) : (
              <mark
                class={`crosscheck-claim-mark crosscheck-${p.verdict}`}
                data-claim-id={p.id}
                role="button"
                tabIndex={0}
                aria-pressed={p.id === chosen}
                aria-label={`${VERDICT_LABELS[p.verdict]} claim: ${p.exact}`}
                onClick={() => setChosen(p.id)}
                onKeyDown={(e) =>
                  (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setChosen(p.id))
                }
              >
                {source.text.slice(p.start, p.end)}
              </mark>
            ),
          )}
        </div>
        <aside class="crosscheck-reader-side" aria-label="Chosen claim">
          {claim ? (
            <ClaimPanel claim={claim} onSaved={reload} />
          ) : (
            <p class="muted">Choose a highlighted claim to see its reports and review it.</p>
          )}
        </aside>
      </div>
    </article>
  );
}

export function ClaimPanel(props: { claim: ClaimDetail; onSaved(): void }) {
  const { claim } = props;
  return (
    <div>
      <h3>
        <span class={`crosscheck-verdict crosscheck-${claim.verdict}`}>{VERDICT_LABELS[claim.verdict]}</span>
      </h3>
      <blockquote>{claim.exact}</blockquote>
      <ReviewForm
        key={claim.id}
        targetId={claim.id}
        targetKind="claim"
        review={claim.review}
        onSaved={props.onSaved}
      />
      {claim.relations.length > 0 && <h4>Other reports</h4>}
      <ul class="crosscheck-relations">
        {claim.relations.map((r) => (
          <li class={`crosscheck-relation crosscheck-${r.stance}`}>
            <div>
              <strong>{r.other.sourceTitle}</strong> —{' '}
              {r.review?.status === 'accurate' ? 'confirmed' : 'suggested'}: {r.stance} (
              {Math.round(r.similarity * 100)}% similar) <ReviewBadge review={r.review} />
            </div>
            <blockquote>{r.other.exact}</blockquote>
            {r.reasons.length > 0 && (
              <ul class="crosscheck-reasons">
                {r.reasons.map((x) => (
                  <li>
                    <strong>{x.kind}</strong>: {x.a} ↔ {x.b}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
