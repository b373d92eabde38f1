// Prints compare() accuracy on the dev pairs (docs/quality.md):
//   node --import tsx test/unit/core/eval-dev.ts [pairs.jsonl]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePairs, type LabelledPair } from '../../../src/core/index.ts';

const file = process.argv[2] ?? join(import.meta.dirname, '../../../../shared/eval/dev-pairs.jsonl');
const pairs = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as LabelledPair);
const e = evaluatePairs(pairs);
console.log(`pairs ${pairs.length}, accuracy ${e.accuracy.toFixed(3)}`);
for (const [label, c] of Object.entries(e.perClass))
  console.log(`${label.padEnd(13)} ${c.correct}/${c.total}  ${c.accuracy.toFixed(3)}`);
console.log('confusion (gold → predicted):', JSON.stringify(e.confusion));
for (const x of e.errors) console.log(`wrong: ${x.id ?? '?'} gold ${x.label}, got ${x.predicted}`);
