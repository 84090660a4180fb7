/** A mistake in how the CLI was called: reported with the usage line, exit status 2. */
export class UsageError extends Error {}
