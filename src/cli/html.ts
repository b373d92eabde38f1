// The CLI's DOM for HTML articles: linkedom (fast, no layout), bundled into dist/cli.js.
import { parseHTML } from 'linkedom';

export function parseHtml(html: string): Document {
  // linkedom's Document implements what Readability uses; its types are its own classes.
  return parseHTML(html).document as unknown as Document;
}
