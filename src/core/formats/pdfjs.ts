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

async function load(): Promise<Pdfjs> {
  stubRenderingGlobals();
  return withoutLoadWarnings(async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
}

/** pdfjs, loaded once on first use. */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= load();
  return loading;
}
