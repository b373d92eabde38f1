// crosscheck match --pack pack.json <page.html|page.txt|page.json> [--json]: the page sentences whose
// claims the base also holds, with each report's stance and reasons.
import { parseArgs } from 'node:util';
import { ClaimIndex, matchPage, type PageMatch, type Reason } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { loadArticle, loadPack } from '../load.ts';
import type { Io } from '../io.ts';

export const MATCH_USAGE = 'crosscheck match --pack pack.json <page.html|page.txt|page.json> [--json]';

/** Exactly the keys of the CLI contract (other tests read them), whatever else core's objects carry. */
export function matchJson(match: PageMatch): PageMatch {
  return {
    title: match.title,
    sentences: match.sentences.map((s) => ({
      text: s.text,
      start: s.start,
      end: s.end,
      verdict: s.verdict,
      reports: s.reports.map((r) => ({
        claimId: r.claimId,
        sourceId: r.sourceId,
        sourceTitle: r.sourceTitle,
        text: r.text,
        stance: r.stance,
        similarity: r.similarity,
        reasons: r.reasons.map(reasonJson),
      })),
    })),
  };
}

export const reasonJson = (r: Reason): Reason => ({ kind: r.kind, a: r.a, b: r.b });

export async function matchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { pack: { type: 'string', short: 'p' }, json: { type: 'boolean' } },
  });
  if (values.pack === undefined) throw new CliError(`match: --pack is required (usage: ${MATCH_USAGE})`);
  if (positionals.length !== 1) throw new CliError(`match: expected one page file (usage: ${MATCH_USAGE})`);
  const pagePath = positionals[0]!;

  const pack = loadPack(values.pack);
  const page = await loadArticle(pagePath);
  const index = new ClaimIndex();
  index.add(pack.claims, pack.sources);
  // A page that is itself one of the pack's sources would otherwise match every one of its own claims.
  const self = pack.sources.some((s) => s.id === page.id) ? page.id : undefined;
  const match = matchJson(
    matchPage(index, { title: page.title, text: page.text }, { excludeSourceId: self }),
  );

  if (values.json) io.stdout.write(`${JSON.stringify(match)}\n`);
  else
    io.stdout.write(
      formatMatch(match, {
        pack: values.pack,
        sources: pack.sources.length,
        claims: pack.claims.length,
        excluded: self,
      }),
    );
  return 0;
}

const VERDICT_MARK = { corroborated: '✓', conflicting: '✗', mixed: '±', discussed: '·' } as const;
const STANCE_MARK = { corroborates: '✓', conflicts: '✗', discusses: '·', unrelated: ' ' } as const;

function quote(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

/** The readable report: one block per matched sentence, one line per report, one line per reason. */
export function formatMatch(
  match: PageMatch,
  base: { pack: string; sources: number; claims: number; excluded?: string | undefined },
): string {
  const lines: string[] = [match.title || '(untitled page)'];
  const count = match.sentences.length;
  lines.push(
    `${count === 0 ? 'No sentence' : count === 1 ? '1 sentence' : `${count} sentences`} of this page ` +
      `${count === 1 ? 'matches' : 'match'} the claim base (${base.pack}: ${base.sources} sources, ${base.claims} claims` +
      `${base.excluded ? `; the page's own source ${base.excluded} left out` : ''}).`,
  );
  for (const s of match.sentences) {
    lines.push(
      '',
      `${VERDICT_MARK[s.verdict]} ${s.verdict.toUpperCase()}  ${quote(s.text)}  [${s.start}–${s.end}]`,
    );
    for (const r of s.reports) {
      lines.push(
        `    ${STANCE_MARK[r.stance]} ${r.stance} (similarity ${r.similarity.toFixed(2)}) · ${r.sourceTitle} [${r.sourceId}]`,
      );
      lines.push(`        ${quote(r.text, 140)}`);
      for (const reason of r.reasons)
        lines.push(`        ${reason.kind}: ${quote(reason.a, 60)} ↔ ${quote(reason.b, 60)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
