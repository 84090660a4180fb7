import * as path from 'path';
import * as vscode from 'vscode';
import { globBase, isGlob } from '../core/corpus/glob';

export interface WatchHandlers {
  changed(fsPath: string): void;
  deleted(fsPath: string): void;
}

/** The file watcher pattern for one corpus root (a folder, a file or a glob). */
export function watchPattern(base: string, root: string): vscode.RelativePattern {
  const posixRoot = root.split(path.sep).join('/');
  if (isGlob(posixRoot)) {
    const fixed = globBase(posixRoot);
    const rest = posixRoot.slice(fixed.length).replace(/^\/+/, '') || '**/*';
    return new vscode.RelativePattern(vscode.Uri.file(path.resolve(base, fixed)), rest);
  }
  return new vscode.RelativePattern(vscode.Uri.file(path.resolve(base, posixRoot)), '**/*');
}

/** Watches every corpus root; renames arrive as a delete and a create. */
export function watchCorpus(base: string, roots: readonly string[], handlers: WatchHandlers): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  for (const root of roots) {
    const watcher = vscode.workspace.createFileSystemWatcher(watchPattern(base, root));
    disposables.push(
      watcher,
      watcher.onDidCreate((uri) => handlers.changed(uri.fsPath)),
      watcher.onDidChange((uri) => handlers.changed(uri.fsPath)),
      watcher.onDidDelete((uri) => handlers.deleted(uri.fsPath)),
    );
  }
  return vscode.Disposable.from(...disposables);
}
