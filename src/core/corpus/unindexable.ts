/**
 * Thrown by an extractor when a file cannot be indexed for a reason the user can act on
 * (binary data, wrong encoding, no text layer...). Its message becomes the skip reason.
 */
export class UnindexableSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnindexableSourceError';
  }
}
