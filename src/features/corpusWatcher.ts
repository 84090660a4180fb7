import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { globBase, isGlob } from '../core/corpus/glob';

export interface WatchHandlers {
  changed(fsPath: string): void;
  deleted(fsPath: string): void;
}

/**
 * The file watcher pattern for one corpus root (a folder, a file or a glob). A folder that does
 * not exist yet is watched from its nearest existing parent, so creating it later is noticed.
 */
export function watchPattern(base: string, root: string): vscode.RelativePattern {
  const posixRoot = root.split(path.sep).join('/');
  const fixed = isGlob(posixRoot) ? globBase(posixRoot) : posixRoot;
  const rest = isGlob(posixRoot) ? posixRoot.slice(fixed.length).replace(/^\/+/, '') || '**/*' : '**/*';
  let folder = path.resolve(base, fixed);
  const missing: string[] = [];
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) {
    missing.unshift(path.basename(folder));
    folder = path.dirname(folder);
  }
  return new vscode.RelativePattern(vscode.Uri.file(folder), [...missing, rest].join('/'));
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
