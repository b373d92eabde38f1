// Calls of the protocol for one feature: Export and import: claim packs, W3C Web Annotations, schema.org ClaimReview.
// Joined into BackgroundCalls in messages.ts; the background's handlers for them live in
// background/transfer-handlers.ts. Add calls here as { request; response } pairs, documented.

/** The file formats the base can be imported from. */
export type TransferKind = 'pack' | 'web-annotation' | 'claim-review';

/** An exported file: its text, a suggested file name and its media type. */
export interface ExportedFile {
  text: string;
  filename: string;
  mediaType: string;
  /** How many records it holds (sources for a pack, annotations, reviews). */
  count: number;
}

/** What an import added or replaced. */
export interface TransferImportResult {
  kind: TransferKind;
  sources: number;
  claims: number;
  relations: number;
  reviews: number;
}

export interface TransferCalls {
  /** The claim pack of the whole base, or of the sources named (their claims and the relations among them). */
  exportPack: { request: { sourceIds?: string[] }; response: ExportedFile };
  /** Every claim (or those of the sources named) as a W3C Web Annotation collection (JSON-LD). */
  exportWebAnnotations: { request: { sourceIds?: string[] }; response: ExportedFile };
  /** Every reviewed claim as schema.org ClaimReview JSON-LD. */
  exportClaimReviews: { request: Record<string, never>; response: ExportedFile };
  /**
   * Imports a file's text, all or nothing: a bad file changes nothing and the error names the first
   * bad record and field.
   */
  importFile: { request: { kind: TransferKind; text: string }; response: TransferImportResult };
}

/** Calls of this group that only extension pages may make. */
export const TRANSFER_EXTENSION_PAGE_ONLY: readonly string[] = [
  'exportPack',
  'exportWebAnnotations',
  'exportClaimReviews',
  'importFile',
];
