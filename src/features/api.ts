import type * as vscode from 'vscode';
import type { Engine } from '../core/engineApi';
import type { CorpusManager } from './corpusManager';
import type { PassagesMessage, ViewRequest } from './relatedPassagesMessages';
import type { RelatedPassagesView } from './relatedPassages';
import type { StatusBarShown } from './statusBar';

/** What activate() returns: read-only views of Sourced's state, used by the integration tests. */
export interface SourcedApi {
  engineFor(uri: vscode.Uri): Engine;
  /** Resolves once the corpus serving `uri` has finished loading or updating. */
  whenIndexed(uri: vscode.Uri): Promise<void>;
  /** How many times the corpus serving `uri` was loaded in full (file changes do not count). */
  fullLoads(uri: vscode.Uri): number;
  /** The status bar item's text and tooltip as shown now. */
  statusBar(): StatusBarShown;
  /** What the "Sourced" output channel has said (its recent lines). */
  outputText(): string;
  relatedPassages: {
    lastPosted(): PassagesMessage | undefined;
    /** Does what the view's buttons and search box do; a copy returns the citation it copied. */
    request(message: ViewRequest): Promise<string | undefined>;
  };
}

export function extensionApi(corpus: CorpusManager, related: RelatedPassagesView, statusBar: () => StatusBarShown, outputText: () => string): SourcedApi {
  return {
    statusBar,
    outputText,
    engineFor: (uri) => corpus.indexFor(uri).engine,
    whenIndexed: async (uri) => {
      const index = corpus.indexFor(uri);
      await index.ready;
      await index.queue;
    },
    fullLoads: (uri) => corpus.indexFor(uri).fullLoads,
    relatedPassages: { lastPosted: () => related.lastPosted(), request: (message) => related.onRequest(message) },
  };
}
