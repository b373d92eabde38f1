import type { MapStance } from '../shared/calls-library.ts';
import { useCall } from './use-call.ts';

const STANCE_LABEL: Record<MapStance, string> = {
  states: 'states it',
  corroborates: 'corroborates',
  conflicts: 'conflicts',
  discusses: 'only discusses',
};
const SYMBOL: Record<MapStance, string> = { states: '●', corroborates: '✓', conflicts: '✗', discusses: '…' };

const ROW = 34;
const LABEL_W = 460;
const COL = 110;
const HEAD = 150;
const RIGHT = 150;

const short = (text: string, n: number) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** For each proposition (a connected group of related claims), which sources state, corroborate, conflict or only discuss it. */
export function ClaimMap() {
  const { data, error } = useCall('claimMap', {}, '');
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p class="muted">Loading…</p>;
  const { sources, clusters } = data;
  const width = LABEL_W + COL * sources.length + RIGHT;
  const height = HEAD + ROW * clusters.length + 10;
  return (
    <div>
      <h2>Claim map</h2>
      <p class="muted">
        Each row is a proposition several sources touch (its most connected claim stands for it). Legend:{' '}
        {(Object.keys(SYMBOL) as MapStance[]).map((s) => (
          <span class={`crosscheck-legend crosscheck-map-${s}`}>
            {SYMBOL[s]} {STANCE_LABEL[s]}{' '}
          </span>
        ))}
      </p>
      <div class="crosscheck-map-scroll" tabIndex={0} role="region" aria-label="Claim map, scrollable">
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby="map-title"
          data-testid="claim-map"
          class="crosscheck-map"
        >
          <title id="map-title">
            {`Claim map: ${clusters.length} propositions across ${sources.length} sources`}
          </title>
          {sources.map((s, j) => (
            <text
              x={LABEL_W + COL * j + COL / 2}
              y={HEAD - 8}
              transform={`rotate(-35 ${LABEL_W + COL * j + COL / 2} ${HEAD - 8})`}
              class="crosscheck-map-source"
            >
              <title>{s.title}</title>
              {short(s.title, 26)}
            </text>
          ))}
          {clusters.map((c, i) => {
            const y = HEAD + ROW * i;
            return (
              <g data-cluster={c.anchor.claimId}>
                <rect
                  x={0}
                  y={y}
                  width={width}
                  height={ROW}
                  class={i % 2 ? 'crosscheck-map-band' : 'crosscheck-map-band-alt'}
                />
                <text x={6} y={y + ROW / 2 + 5} class="crosscheck-map-label">
                  <title>{c.anchor.exact}</title>
                  {short(c.anchor.exact, 66)}
                </text>
                {sources.map((s, j) => {
                  const stance = c.sources[s.id];
                  if (!stance) return null;
                  const cx = LABEL_W + COL * j + COL / 2;
                  return (
                    <g class={`crosscheck-map-${stance}`}>
                      <title>{`${s.title} ${STANCE_LABEL[stance]}: ${c.anchor.exact}`}</title>
                      <circle cx={cx} cy={y + ROW / 2} r={11} />
                      <text x={cx} y={y + ROW / 2 + 5} text-anchor="middle" class="crosscheck-map-symbol">
                        {SYMBOL[stance]}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}
