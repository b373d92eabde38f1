// Messaging reliability: the real background (src/background/index.ts, every handler) loaded over a fake
// browser and spoken to as each kind of sender. Wrong shapes and oversized payloads get an error Result
// within a time limit, never a throw, a rejected promise or a hang; content scripts cannot make
// extension-page calls; other extensions and web pages get no answer at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Runtime } from 'webextension-polyfill';
import { installFakeBrowser, senders } from './fake-browser.ts';
import {
  EXTENSION_PAGE_ONLY,
  MAX_CONTENT_REQUEST_BYTES,
  REQUEST_SHAPES,
  type CallName,
} from '../../../src/shared/messages.ts';

const fake = installFakeBrowser();
await import('../../../src/background/index.ts');
const listen = fake.listener();

/** Per message: a reply that takes longer than this is a hang. */
const LIMIT_MS = 5000;

/** What the listener does with one message: `undefined` (no reply) or the settled reply, or a failure. */
async function send(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  let reply: unknown;
  assert.doesNotThrow(() => {
    reply = listen(message, sender);
  }, 'the listener threw');
  if (reply === undefined) return undefined;
  assert.ok(reply instanceof Promise, 'a reply is a promise');
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no reply within ${LIMIT_MS} ms`)), LIMIT_MS);
  });
  try {
    return await Promise.race([reply, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asserts a well-formed Result and returns it. */
function result(reply: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  assert.ok(typeof reply === 'object' && reply !== null, `a Result, got ${String(reply)}`);
  const r = reply as { ok: unknown; error?: unknown };
  assert.equal(typeof r.ok, 'boolean', 'Result.ok');
  if (!r.ok) assert.equal(typeof r.error, 'string', 'Result.error');
  return reply as never;
}

async function error(message: unknown, sender: Runtime.MessageSender = senders.page): Promise<string> {
  const r = result(await send(message, sender));
  assert.equal(r.ok, false, `expected an error reply, got ${JSON.stringify(r).slice(0, 200)}`);
  return (r as { error: string }).error;
}

const envelope = (call: string, payload?: unknown) => ({ crosscheck: 1, call, payload });

function nested(depth: number): unknown {
  let node: Record<string, unknown> = {};
  const root = node;
  for (let i = 0; i < depth; i++) node = node.a = {};
  return root;
}

/** A payload of the right shape for each call (what the dashboard or a content script would send). */
const VALID: Record<CallName, Record<string, unknown>> = {
  ping: {},
  siteStatus: { host: 'news.example' },
  setSiteEnabled: { host: 'news.example', enabled: false },
  setPaused: { paused: true },
  importPack: { packText: '{}' },
  reportAnnotation: { url: 'u', matched: 0, marked: 0, counts: {}, elapsedMs: 1, longestBlockMs: 1 },
  tabAnnotation: { tabId: 7 },
  matchPage: { url: 'https://news.example/', title: 'T', text: 'The summit took place in Vienna.' },
  clipTab: { tabId: 7 },
  listSources: {},
  getSource: { id: 'alpha' },
  deleteSource: { id: 'alpha' },
  listClaims: {},
  listConflicts: {},
  setReview: { targetId: 'alpha:0', targetKind: 'claim', status: 'accurate', note: '' },
  listAudit: {},
  claimMap: {},
  getLibrarySettings: {},
  setLibrarySettings: { reviewer: 'Mo' },
  exportPack: {},
  exportWebAnnotations: {},
  exportClaimReviews: {},
  importFile: { kind: 'pack', text: '{}' },
};
const CALLS = Object.keys(REQUEST_SHAPES) as CallName[];

async function paused(): Promise<boolean> {
  const r = result(await send(envelope('siteStatus', { host: 'news.example' }), senders.content));
  assert.ok(r.ok);
  return (r.value as { paused: boolean }).paused;
}

test('the background answers every call it declares (the handler table and the protocol agree)', async () => {
  assert.deepEqual(CALLS.sort(), Object.keys(VALID).sort());
  const r = result(await send(envelope('ping', {}), senders.content));
  assert.ok(r.ok);
  assert.deepEqual(r.value, { version: '0.0.0-test', sources: 2, claims: 3 });
});

test('a message that is not a Crosscheck envelope is ignored: no reply, no exception', async () => {
  const others: unknown[] = [
    null,
    undefined,
    0,
    'ping',
    [],
    [envelope('ping', {})],
    {},
    { crosscheck: 2, call: 'ping', payload: {} },
    { crosscheck: '1', call: 'ping', payload: {} },
    { crosscheck: 1 },
    { crosscheck: 1, call: 5, payload: {} },
    { crosscheck: 1, call: null },
    // Events the background itself sends to pages travel the same runtime channel.
    { crosscheck: 1, event: 'base-changed' },
  ];
  for (const message of others) assert.equal(await send(message, senders.page), undefined);
});

test('an envelope of the wrong shape gets an error Result naming the problem, within the time limit', async () => {
  const circular: Record<string, unknown> = { host: 'x' };
  circular.self = circular;
  const cases: [unknown, RegExp][] = [
    [envelope('nope', {}), /^unknown call: nope$/],
    [envelope('__proto__', {}), /^unknown call: __proto__$/],
    [envelope('constructor', {}), /^unknown call: constructor$/],
    [envelope('toString', {}), /^unknown call: toString$/],
    [envelope('hasOwnProperty', {}), /^unknown call: hasOwnProperty$/],
    [envelope('x'.repeat(1_000_000), {}), /^unknown call: x{40}$/],
    [{ crosscheck: 1, call: 'ping' }, /^ping: payload must be an object$/],
    [envelope('ping', null), /^ping: payload must be an object$/],
    [envelope('ping', []), /^ping: payload must be an object$/],
    [envelope('ping', 'x'), /^ping: payload must be an object$/],
    [envelope('ping', 42), /^ping: payload must be an object$/],
    [envelope('siteStatus', {}), /^siteStatus: host: missing required field$/],
    [envelope('siteStatus', { host: 5 }), /^siteStatus: host: expected string$/],
    [envelope('siteStatus', { host: { toString: 'x' } }), /^siteStatus: host: expected string$/],
    [envelope('matchPage', { url: 'u', title: 't', text: ['a'] }), /^matchPage: text: expected string$/],
    [envelope('setPaused', { paused: 'yes' }), /^setPaused: paused: expected boolean$/],
    [envelope('setSiteEnabled', { host: 'a.example' }), /^setSiteEnabled: enabled: missing required field$/],
    [envelope('tabAnnotation', { tabId: '7' }), /^tabAnnotation: tabId: expected number$/],
    [envelope('reportAnnotation', { url: 'u' }), /^reportAnnotation: matched: missing required field$/],
    [envelope('exportPack', { sourceIds: 'alpha' }), /^exportPack: sourceIds: expected string\[\]$/],
    [envelope('exportPack', { sourceIds: [1] }), /^exportPack: sourceIds: expected string\[\]$/],
    [
      envelope('setLibrarySettings', { minSimilarity: '0.5' }),
      /^setLibrarySettings: minSimilarity: expected number or null$/,
    ],
    [envelope('importFile', { kind: 'pack' }), /^importFile: text: missing required field$/],
    [envelope('importFile', { kind: 'zip', text: '{}' }), /^importFile: kind: expected one of/],
    [envelope('importPack', { packText: '{"format":' }), /^importPack: invalid JSON/],
    [envelope('siteStatus', { host: 'x', deep: nested(200_000) }), /circular or nested too deeply/],
    [envelope('siteStatus', circular), /circular or nested too deeply/],
  ];
  for (const [message, expected] of cases) {
    const text = await error(message);
    assert.match(text, expected);
    assert.ok(!text.includes('\n') && text.length < 400, `one short line: ${text.slice(0, 100)}`);
  }
});

test('an oversized request from a content script gets "request too large", not a hang', async () => {
  const text = 'a'.repeat(MAX_CONTENT_REQUEST_BYTES + 1);
  const reply = await error(envelope('matchPage', { url: 'u', title: 't', text }), senders.content);
  assert.match(reply, /^matchPage: request too large \(over \d+ bytes\)$/);
  // Just under the limit is answered (a call that is quick on any size, so the time limit holds).
  const host = 'a'.repeat(MAX_CONTENT_REQUEST_BYTES - 100);
  const fits = result(await send(envelope('siteStatus', { host }), senders.content));
  assert.ok(fits.ok, JSON.stringify(fits).slice(0, 200));
});

test('a content script cannot make extension-page calls; only ping, siteStatus, reportAnnotation and matchPage', async () => {
  const answered: string[] = [];
  for (const call of CALLS) {
    const r = result(await send(envelope(call, VALID[call]), senders.content));
    if (!r.ok && /not allowed from a web page/.test(r.error)) continue;
    answered.push(call);
  }
  assert.deepEqual(answered.sort(), ['matchPage', 'ping', 'reportAnnotation', 'siteStatus']);
  for (const call of EXTENSION_PAGE_ONLY)
    assert.equal(
      await error(envelope(call, VALID[call as CallName]), senders.content),
      `${call}: not allowed from a web page`,
    );
  // And the refused calls changed nothing.
  assert.equal(await paused(), false);
  const sources = result(await send(envelope('listSources', {}), senders.page));
  assert.ok(sources.ok);
  assert.equal((sources.value as unknown[]).length, 2);
});

test('another extension or a web page gets no answer at all, and changes nothing', async () => {
  for (const sender of [senders.otherExtension, senders.webPage, {}]) {
    for (const call of CALLS) assert.equal(await send(envelope(call, VALID[call]), sender), undefined, call);
  }
  assert.equal(await paused(), false);
  const sources = result(await send(envelope('listSources', {}), senders.page));
  assert.ok(sources.ok);
  assert.equal((sources.value as unknown[]).length, 2);
});

// Last: random payloads may pause Crosscheck or change settings.
test('property: any payload for any call gets a Result within the time limit', async () => {
  const wrongish = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(null, '', -1, 1.5, NaN, 'x', [], {}, true, 1e308, '__proto__'),
  );
  const payload = fc.oneof(
    wrongish,
    fc.dictionary(
      fc.constantFrom('host', 'id', 'text', 'tabId', 'kind', 'paused', '__proto__', 'x'),
      wrongish,
    ),
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...CALLS),
      payload,
      fc.constantFrom(senders.page, senders.content),
      async (call, p, sender) => {
        const r = result(await send(envelope(call, p), sender));
        // A shape check failing is the expected answer; a call that went through answered with data.
        if (!r.ok) assert.match(r.error, new RegExp(`^${call}: |^unknown call`));
      },
    ),
    { numRuns: 400 },
  );
});
