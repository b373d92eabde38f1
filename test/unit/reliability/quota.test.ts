// Storage full: a QuotaExceededError thrown from inside a write, during an import or a clip made through
// the real background. The reply says storage is full and nothing was changed (the popup shows it after
// "Could not clip:", the dashboard after "Nothing was imported.", rendered here), and every table is as
// it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { installFakeBrowser, senders } from './fake-browser.ts';
import { assertConsistent, dump, injectFaults } from './store-kit.ts';

const fake = installFakeBrowser();
await import('../../../src/background/index.ts');
const { database } = await import('../../../src/background/claim-base.ts');
const { callBackground } = await import('../../../src/shared/rpc.ts');
const { STORAGE_FULL } = await import('../../../src/background/router.ts');
const listen = fake.listener();
// Extension pages reach the background through runtime.sendMessage; here, straight to its listener.
(globalThis as unknown as { browser: { runtime: { sendMessage: unknown } } }).browser.runtime.sendMessage = (
  message: unknown,
) => Promise.resolve(listen(message, senders.page));

// The injector goes in before the background first opens the store.
const plan = injectFaults(database());
const feedText = readFileSync(
  join(import.meta.dirname, '../../fixtures/transfer/fact-check-feed.json'),
  'utf8',
);
fake.pages.set(9, {
  pageUrl: 'https://courier.example/world/summit',
  title: 'The summit',
  text: [
    'The summit took place in Vienna on Monday, officials of the host government said in a statement.',
    'About 40 leaders attended the meeting, which ran two hours longer than planned because of the talks.',
  ].join('\n\n'),
});

async function storageFull(call: () => Promise<unknown>, at: number): Promise<void> {
  await callBackground('ping', {}); // seeded before the fault is armed
  const before = await dump(database());
  Object.assign(plan, { writes: 0, at, kind: 'quota' });
  await assert.rejects(call(), (e: unknown) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /^\w+: storage is full, so nothing was changed; free some disk space/);
    assert.ok(e.message.endsWith(STORAGE_FULL));
    return true;
  });
  assert.ok(plan.writes >= at, `the fault fired (${plan.writes} writes)`);
  plan.at = 0;
  assert.deepEqual(await dump(database()), before, 'the store changed');
  await assertConsistent(database());
}

test('storage full during an import: "storage is full, so nothing was changed", and nothing was', async () => {
  for (const at of [1, 2, 3])
    await storageFull(() => callBackground('importFile', { kind: 'claim-review', text: feedText }), at);
  // With room again, the same import goes through.
  const result = await callBackground('importFile', { kind: 'claim-review', text: feedText });
  assert.ok(result.claims > 0);
});

test('storage full during a clip: the same message, and nothing was changed', async () => {
  for (const at of [1, 2, 3]) await storageFull(() => callBackground('clipTab', { tabId: 9 }), at);
  const summary = await callBackground('clipTab', { tabId: 9 });
  assert.ok(summary.claims > 0);
});

test("the dashboard's import panel shows the storage-full message and the store is unchanged", async () => {
  const { document, window } = parseHTML('<!doctype html><html><body><main id="root"></main></body></html>');
  Object.assign(globalThis, { document, window });
  const { h, render } = await import('preact');
  const { TransferPanel } = await import('../../../src/dashboard/transfer-panel.tsx');
  const root = document.getElementById('root')!;
  render(h(TransferPanel, { onImported: () => undefined }), root as unknown as Element);
  const input = root.querySelector('[data-testid="import-file"]')!;
  Object.defineProperty(input, 'files', { value: [new File([feedText], 'feed.jsonld')] });
  input.dispatchEvent(new window.Event('change'));
  await new Promise((resolve) => setTimeout(resolve, 20));

  const before = await dump(database());
  Object.assign(plan, { writes: 0, at: 2, kind: 'quota' });
  root.querySelector('form')!.dispatchEvent(new window.Event('submit'));
  const alert = root.querySelector('[data-testid="transfer-error"]')!;
  for (let i = 0; i < 200 && !alert.textContent; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  plan.at = 0;
  assert.equal(alert.textContent, `Nothing was imported. importFile: ${STORAGE_FULL}`);
  assert.deepEqual(await dump(database()), before);
  render(null, root as unknown as Element);
});
