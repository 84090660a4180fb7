// Loads pdfjs-dist inside a bundle: the worker runs on the main thread (no worker file to
// find), and the canvas classes it only needs for rendering are stubbed so it loads without
// the native canvas package.
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | undefined;

function stubRenderingGlobals(): void {
  const global = globalThis as Record<string, unknown>;
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) {
    if (!global[name]) global[name] = class {};
  }
}

/** Runs `load` with pdfjs's load-time "Warning: ..." lines (about canvas polyfills) kept off the console. */
async function withoutLoadWarnings<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('Warning: '))) warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}

/** The builtins whose methods core-js may replace. */
const builtinOwners: object[] = [
  Array, Array.prototype, Object, Object.prototype, Function.prototype, String, String.prototype, Number, Math, JSON,
  Promise, Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype, RegExp.prototype, ArrayBuffer.prototype,
  Object.getPrototypeOf(Uint8Array), Object.getPrototypeOf(Uint8Array.prototype) as object, Uint8Array, Uint8Array.prototype,
];

/**
 * Runs `load` and then puts back every builtin method it replaced, keeping only those it added.
 * pdfjs's legacy build carries core-js, which adds what Node lacks (needed) but also replaces
 * methods Node has over spec corner cases: Array.prototype.push (V8 does not throw on pushing
 * nothing to a frozen length), JSON.stringify and JSON.parse (no JSON.rawJSON). The JavaScript
 * push then ran for every glyph pdfjs reads, and for every push in this thread after.
 */
async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const before = builtinOwners.map((owner) => new Map(Reflect.ownKeys(owner).map((key) => [key, Object.getOwnPropertyDescriptor(owner, key)!])));
  try {
    return await load();
  } finally {
    builtinOwners.forEach((owner, i) => {
      for (const [key, original] of before[i]) {
        const now = Object.getOwnPropertyDescriptor(owner, key);
        if (now && (!Object.is(now.value, original.value) || now.get !== original.get)) Object.defineProperty(owner, key, original);
      }
    });
  }
}

async function load(): Promise<Pdfjs> {
  stubRenderingGlobals();
  return keepingBuiltins(() =>
    withoutLoadWarnings(async () => {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return import('pdfjs-dist/legacy/build/pdf.mjs');
    }),
  );
}

/** pdfjs, loaded once on first use. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}
