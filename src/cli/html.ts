// The CLI's DOM for HTML articles: linkedom (fast, no layout), bundled into dist/cli.js. Loaded on first
// use: it is a fifth of the start-up time of commands that never see HTML (compare, eval, .txt packs).
let parser: ((html: string) => Document) | undefined;

export async function htmlParser(): Promise<(html: string) => Document> {
  if (!parser) {
    const { parseHTML } = await import('linkedom');
    // linkedom's Document implements what Readability uses; its types are its own classes.
    parser = (html) => parseHTML(html).document as unknown as Document;
  }
  return parser;
}
