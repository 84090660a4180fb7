// Where a citation may point: nothing about the writer's machine may reach a draft, so a
// source file is named only by its path inside the workspace folder, never absolutely.
import * as path from 'path';

/** `file`'s `/`-separated path relative to `folder` when it lies inside it; otherwise undefined. */
export function pathInside(folder: string | undefined, file: string): string | undefined {
  if (!folder) return undefined;
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  if (!relative || path.isAbsolute(relative) || relative === '..' || relative.startsWith(`..${path.sep}`)) return undefined;
  return relative.split(path.sep).join('/');
}
