import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { ArticleError, articleIdFromFileName, readArticle } from '../../../src/core/index.ts';

const SEEDS = join(import.meta.dirname, '../../../seeds');
const parseHtml = (html: string): Document => parseHTML(html).document as unknown as Document;
const seed = (name: string) => readArticle(`${name}.txt`, readFileSync(join(SEEDS, `${name}.txt`), 'utf8'));

describe('readArticle: plain text', () => {
  it('takes the id from the file name and the title from the headline line', () => {
    const a = seed('001_2ae1e6f0d892d274');
    assert.equal(a.id, '001_2ae1e6f0d892d274');
    assert.equal(
      a.title,
      'Trump Administration Considers Security Guarantees for Ukraine, Russia Shows Willingness to Negotiate',
    );
    assert.ok(!a.text.startsWith('Trump Administration Considers'), 'the headline is not body text');
    assert.match(a.text, /WASHINGTON – In a potential shift/);
  });

  it('skips site chrome above the headline', () => {
    assert.equal(seed('000_c968ebdbc1f2aedb').title, 'Upcoming Security Measures Prior to D.C. Summit');
    assert.equal(
      seed('004_15ee47f8da25e9f2').title,
      'Zelensky Hails ‘Historic’ U.S. Security Guarantees Ahead of Trump Meeting',
    );
    assert.ok(!seed('000_c968ebdbc1f2aedb').text.includes('Skip to content'));
  });

  it('falls back to the first sentence when the text has no headline line', () => {
    const a = seed('002_186acde84a20c313');
    assert.equal(
      a.title,
      'Following a high-profile summit with Russian President Vladimir Putin in Alaska, U.S. President…',
    );
    assert.ok(a.text.startsWith('Following a high-profile summit'), 'the whole text is kept');
  });

  it('reads every seed', () => {
    for (const file of readdirSync(SEEDS)) {
      const a = readArticle(file, readFileSync(join(SEEDS, file), 'utf8'));
      assert.equal(a.id, file.replace(/\.txt$/, ''));
      assert.ok(a.title.length > 10 && a.title.length <= 200, a.title);
      assert.ok(a.text.length > 1000);
    }
  });

  it('handles CRLF, a BOM and a short headline', () => {
    const a = readArticle(
      'x/y/story.v2.txt',
      '\uFEFFMenu\r\n\r\nSenate Passes Bill\r\nThe Senate passed it on Monday.\r\n',
    );
    assert.deepEqual(a, {
      id: 'story.v2',
      title: 'Senate Passes Bill',
      text: 'The Senate passed it on Monday.\n',
    });
  });

  it('rejects empty and unsupported files', () => {
    assert.throws(() => readArticle('a.txt', ' \n\t\n'), new ArticleError('empty file'));
    assert.throws(() => readArticle('a.pdf', 'x'), /unsupported file type/);
  });
});

describe('readArticle: JSON', () => {
  const full = {
    title: 'Summit held',
    url: 'https://example.com/news/summit',
    site: 'Example News',
    author: 'Jane Doe',
    published: '2025-08-16T10:00:00Z',
    text: 'Trump met Putin in Alaska.',
  };

  it('keeps all metadata and takes the id from the file name', () => {
    assert.deepEqual(readArticle('dir/summit.json', JSON.stringify(full)), { id: 'summit', ...full });
  });

  it('needs only title and text', () => {
    assert.deepEqual(readArticle('s.json', '{"title":"T","text":"Body."}'), {
      id: 's',
      title: 'T',
      text: 'Body.',
    });
  });

  it('names the bad field', () => {
    const bad = (o: unknown) => () => readArticle('s.json', JSON.stringify(o));
    assert.throws(bad({ ...full, title: 3 }), new ArticleError('title: expected a string, got 3'));
    assert.throws(
      bad({ ...full, text: '  ' }),
      new ArticleError('text: expected a non-empty string, got "  "'),
    );
    assert.throws(bad({ title: 'T' }), new ArticleError('text: missing required field'));
    assert.throws(bad({ ...full, url: 'not a url' }), /^ArticleError: url: expected a URL/);
    assert.throws(bad({ ...full, author: ['a'] }), /^ArticleError: author: expected a string/);
    assert.throws(bad([full]), /^ArticleError: \(root\): expected a JSON object/);
    assert.throws(() => readArticle('s.json', '{"title":'), /^ArticleError: invalid JSON/);
  });
});

describe('readArticle: HTML', () => {
  const html = `<!doctype html><html><head><title>Summit held | Example</title>
    <link rel="canonical" href="https://example.com/news/summit">
    <meta property="og:site_name" content="Example News">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2025-08-16T10:00:00Z"></head>
    <body><nav>Home | World | Sports</nav><article><h1>Summit held</h1>
    ${'<p>President Donald Trump met Russian President Vladimir Putin in Alaska on Friday, officials said. The talks lasted three hours and ended without a deal, according to both delegations.</p>'.repeat(4)}
    </article><footer>Copyright</footer></body></html>`;

  it('extracts the article and its metadata', () => {
    const a = readArticle('page.html', html, { parseHtml });
    assert.equal(a.id, 'page');
    assert.equal(a.url, 'https://example.com/news/summit');
    assert.equal(a.site, 'Example News');
    assert.equal(a.author, 'Jane Doe');
    assert.equal(a.published, '2025-08-16T10:00:00.000Z');
    assert.match(a.title, /^Summit held/);
    assert.match(a.text, /^President Donald Trump met/);
    assert.ok(!a.text.includes('Sports') && !a.text.includes('Copyright'));
  });

  it('needs a parser', () => {
    assert.throws(() => readArticle('page.html', html), /need an HTML parser/);
  });

  it('reports a page with no article', () => {
    assert.throws(() => readArticle('p.htm', '<html><body></body></html>', { parseHtml }), /no article text/);
  });
});

describe('articleIdFromFileName', () => {
  it('drops directories and the last extension only', () => {
    assert.equal(articleIdFromFileName('/a/b/001_2ae1e6f0d892d274.txt'), '001_2ae1e6f0d892d274');
    assert.equal(articleIdFromFileName('C:\\x\\a.b.json'), 'a.b');
    assert.equal(articleIdFromFileName('.hidden'), '.hidden');
  });
});
