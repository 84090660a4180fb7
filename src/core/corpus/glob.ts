// Minimal glob support for corpus roots: `*`, `**`, `?`, `[...]` and `{a,b}`, with `/` separators.

/** Whether a root is a glob pattern rather than a folder or file path. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/u.test(pattern);
}

/** The leading part of a pattern without wildcards: the folder to start walking from. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isGlob(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

/** Compiles a glob to a regular expression matched against a whole `/`-separated path. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/u, '^').replace(/\\/gu, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '{') {
      const close = pattern.indexOf('}', i + 1);
      if (close === -1) source += '\\{';
      else {
        const options = pattern.slice(i + 1, close).split(',').map((o) => globToRegExp(o).source.slice(1, -1));
        source += `(?:${options.join('|')})`;
        i = close;
      }
    } else source += ch.replace(/[.+^$()|\\\]}]/gu, '\\$&'); // a lone ] or } is literal
  }
  return new RegExp(`^${source}$`, 'u');
}
