// Annotation end to end, in real Chromium and Firefox with the built extension: highlights and
// verdicts on a local news page, the report card, content added later, pages with nothing to match,
// real pages from the Readability test set, and (Chromium) a cold service worker.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaticServer } from '../../build/serve.ts';
import { type TestBrowser, type TestPage, E2E_BROWSERS } from './drivers.ts';
import { annotationOf, openForSuite, readMarks, type MarkedSentence } from './helpers.ts';

/** A sentence that agrees with the seeds, appended to prove the pipeline ran on a page. */
const SENTINEL =
  'Russia has agreed to enact legislation committing it not to pursue additional Ukrainian territory, officials said.';

async function appendParagraph(page: TestPage, text: string, id: string): Promise<void> {
  await page.evaluate(
    ({ text, id }) => {
      const p = document.createElement('p');
      p.id = id;
      p.textContent = text;
      (document.querySelector('article') ?? document.body).append(p);
    },
    { text, id },
  );
}

async function marksAfterSentinel(page: TestPage): Promise<MarkedSentence[]> {
  await appendParagraph(page, SENTINEL, 'late-sentinel');
  await page.waitFor('#late-sentinel [data-crosscheck-id]', 20_000);
  return (await page.evaluate(readMarks)).filter((m) => !SENTINEL.includes(m.text));
}

const find = (marks: MarkedSentence[], pattern: RegExp) => marks.find((m) => pattern.test(m.text));

/** The selector of the first piece of the highlight whose sentence matches `pattern`. */
async function highlightOf(page: TestPage, pattern: RegExp): Promise<string> {
  const mark = find(await page.evaluate(readMarks), pattern);
  assert.ok(mark, `${pattern} is highlighted`);
  return `[data-crosscheck-id="${mark.id}"][data-crosscheck-first]`;
}

for (const name of E2E_BROWSERS) {
  describe(`annotation in ${name}`, () => {
    let browser: TestBrowser;
    let server: StaticServer;
    openForSuite(name, (b, s) => {
      browser = b;
      server = s;
    });

    test('the demo page gets exactly the expected highlights and verdicts', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/demo-news.html`);
      await page.waitFor('[data-crosscheck-id]');
      const marks = await marksAfterSentinel(page);
      const expected: [RegExp, string[]][] = [
        [/first time that Russia had agreed/, ['corroborated']],
        [/pass legislation committing it not to seize/, ['corroborated']],
        [/met Vladimir Putin in Alaska/, ['mixed']],
        [/invoked the collective defence clause four times/, ['conflicting']],
        [/NATO membership is open to negotiation/, ['conflicting']],
        [/Donetsk and Luhansk/, ['corroborated']],
      ];
      for (const [pattern, verdicts] of expected) {
        const mark = find(marks, pattern);
        assert.ok(mark, `${pattern} is highlighted; got ${JSON.stringify(marks)}`);
        assert.ok(
          verdicts.includes(mark.verdict),
          `${pattern}: verdict ${mark.verdict}, expected ${verdicts}`,
        );
      }
      for (const unrelated of [/bakeries/, /bicycle lane/, /Most read/, /Reader:/, /Markets rally/]) {
        assert.equal(find(marks, unrelated), undefined, `${unrelated} must not be highlighted`);
      }
      // Marking crosses inline elements: the sentence with <em>Alaska</em> is one highlight in pieces.
      const pieces = await page.evaluate(
        () => document.querySelectorAll('em [data-crosscheck-id], [data-crosscheck-id] em').length,
      );
      assert.ok(pieces >= 1, 'a highlight spans the <em> inside its sentence');
      await page.close();
    });

    test('the background keeps each tab’s annotation report for the popup', async () => {
      const page = await browser.newPage();
      const url = `${server.origin}/demo-news.html`;
      await page.goto(url);
      await page.waitFor('[data-crosscheck-id]');
      const marks = await page.evaluate(readMarks);
      const control = await browser.newPage();
      await control.goto(browser.extensionUrl('popup.html'));
      const report = await annotationOf(control, url, (r) => r.marked > 0);
      assert.ok(report, 'a report for the demo tab');
      assert.equal(report.marked, marks.length);
      assert.equal(report.counts.conflicting, marks.filter((m) => m.verdict === 'conflicting').length);
      await control.close();
      await page.close();
    });

    test('a highlight opens its report card by click and by keyboard; Escape closes it', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/demo-news.html`);
      await page.waitFor('[data-crosscheck-id]');
      await appendParagraph(page, SENTINEL, 'late-sentinel');
      await page.waitFor('#late-sentinel [data-crosscheck-id]', 20_000);
      const cardShown = () =>
        page.evaluate(() => {
          const host = document.querySelector('crosscheck-card') as HTMLElement | null;
          return (
            !!host && getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().height > 0
          );
        });
      await page.click(await highlightOf(page, /four times since 1949/));
      assert.equal(await cardShown(), true, 'click opens the card');
      assert.equal(
        await page.evaluate(() => document.activeElement?.tagName),
        'CROSSCHECK-CARD',
        'focus moves into the card',
      );
      assert.equal(
        await page.evaluate(
          () =>
            (document.querySelector('crosscheck-card') as HTMLElement & { shadowRoot: ShadowRoot | null })
              .shadowRoot,
        ),
        null,
        'the shadow root is closed to page scripts',
      );
      const text = await page.cardText();
      if (text !== undefined) {
        assert.match(text, /Conflicting/);
        assert.match(
          text,
          /(number|quantity|negation|antonym|date|place): .+ ↔ /,
          `the card gives the reason: ${text}`,
        );
      }
      await page.press('Escape');
      assert.equal(await cardShown(), false, 'Escape closes the card');
      assert.equal(
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.crosscheckVerdict),
        'conflicting',
        'focus returns to the highlight',
      );

      await page.focus(await highlightOf(page, /met Vladimir Putin in Alaska/));
      await page.press('Enter');
      assert.equal(await cardShown(), true, 'Enter on a focused highlight opens the card');
      const mixed = await page.cardText();
      if (mixed !== undefined) {
        assert.match(mixed, /Corroborating/);
        assert.match(mixed, /place: .*Alaska.*↔.*Alcazar|place: .*Alcazar.*↔.*Alaska/, mixed);
      }
      await page.close();
    });

    test('a paragraph added later is highlighted too', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/demo-news.html`);
      await page.waitFor('[data-crosscheck-id]');
      await appendParagraph(
        page,
        'Witkoff said it was the first time Russia had agreed to something like this.',
        'late',
      );
      await page.waitFor('#late [data-crosscheck-verdict="corroborated"]', 20_000);
      await page.close();
    });

    test('client-side navigation through the history API is annotated', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/spa-news.html`);
      await page.click('#next');
      await page.waitFor('[data-crosscheck-verdict="conflicting"]', 20_000);
      const marks = await page.evaluate(readMarks);
      assert.equal(marks.length, 1);
      assert.match(marks[0]!.text, /four times since 1949/);
      await page.close();
    });

    test('the global pause and the per-site switch remove highlights, and turning back on restores them', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/demo-news.html`);
      await page.waitFor('[data-crosscheck-id]');
      const control = await browser.newPage();
      await control.goto(browser.extensionUrl('popup.html'));
      const call = (name: string, payload: object) =>
        control.evaluate(
          async ({ name, payload }) => {
            const g = globalThis as unknown as {
              browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            };
            const api =
              g.browser ??
              (
                globalThis as unknown as {
                  chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
                }
              ).chrome;
            return api.runtime.sendMessage({ crosscheck: 1, call: name, payload });
          },
          { name, payload },
        );
      const count = () => page.evaluate(() => document.querySelectorAll('[data-crosscheck-id]').length);
      const until = async (ok: (n: number) => boolean) => {
        for (let i = 0; i < 100 && !ok(await count()); i++) await new Promise((r) => setTimeout(r, 100));
        return count();
      };
      const before = await count();
      await call('setPaused', { paused: true });
      assert.equal(await until((n) => n === 0), 0, 'paused: no highlights');
      await call('setPaused', { paused: false });
      assert.ok((await until((n) => n > 0)) > 0, 'resumed: highlights back');
      await call('setSiteEnabled', { host: '127.0.0.1', enabled: false });
      assert.equal(await until((n) => n === 0), 0, 'site off: no highlights');
      await call('setSiteEnabled', { host: '127.0.0.1', enabled: true });
      assert.equal(await until((n) => n >= before), before, 'site on: the same highlights again');
      await control.close();
      await page.close();
    });

    test('a page with nothing to match gets no highlight', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/unrelated-news.html`);
      const marks = await marksAfterSentinel(page);
      assert.deepEqual(marks, []);
      await page.close();
    });

    for (const sample of ['nytimes-4', 'guardian-1', 'yahoo-3', 'breitbart', 'bbc-1', 'wapo-1']) {
      test(`real page ${sample} loads without highlights that don't belong`, async () => {
        const page = await browser.newPage();
        await page.goto(`${server.origin}/readability/${sample}/source.html`);
        const marks = await marksAfterSentinel(page);
        assert.deepEqual(marks, [], `unexpected highlights on ${sample}`);
        await page.close();
      });
    }

    if (name === 'chromium') {
      test('after the service worker is stopped, the first page is still annotated', async () => {
        await browser.stopBackground!();
        const page = await browser.newPage();
        await page.goto(`${server.origin}/demo-news.html`);
        await page.waitFor('[data-crosscheck-verdict="conflicting"]', 20_000);
        await page.close();
      });
    }
  });
}
