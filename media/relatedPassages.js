// Related Passages view. Everything from the extension is shown with textContent, never as
// HTML, so source text cannot inject markup or script.
(() => {
  const vscode = acquireVsCodeApi();
  const results = document.getElementById('results');
  const context = document.getElementById('context');
  const form = document.getElementById('search');
  const input = document.getElementById('query');
  let lastGeneration = -1;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function actionButton(label, title, request) {
    const button = el('button', 'action', label);
    button.type = 'button';
    button.title = title;
    button.addEventListener('click', () => vscode.postMessage(request));
    return button;
  }

  function passageItem(passage, title) {
    const item = el('li', 'passage');
    item.tabIndex = -1;
    const text = el('p', 'text');
    for (const segment of passage.segments) text.appendChild(segment.match ? el('mark', undefined, segment.text) : document.createTextNode(segment.text));
    const footer = el('div', 'footer');
    footer.appendChild(el('span', 'why', passage.why));
    const where = { docId: passage.docId, start: passage.start, end: passage.end };
    footer.appendChild(actionButton('Open', `Open ${title} at this passage`, { type: 'open', ...where }));
    footer.appendChild(actionButton('Insert as quote', 'Insert this passage as a cited quote at the cursor in the draft', { type: 'insert', ...where }));
    footer.appendChild(actionButton('Copy citation', 'Copy a citation of this source', { type: 'copy', ...where }));
    item.append(text, footer);
    return item;
  }

  function render(message) {
    results.replaceChildren();
    context.textContent = message.origin === 'search' ? `Search: ${message.query}` : message.query ? 'For the paragraph at the cursor' : '';
    if (message.note) results.appendChild(el('p', 'note', message.note));
    for (const group of message.groups) {
      const section = el('section', 'source');
      section.setAttribute('aria-label', group.title);
      const header = el('header');
      header.title = group.tooltip;
      header.appendChild(el('h2', 'title', group.title));
      if (group.byline) header.appendChild(el('div', 'byline', group.byline));
      const list = el('ul', 'passages');
      for (const passage of group.passages) list.appendChild(passageItem(passage, group.title));
      section.append(header, list);
      results.appendChild(section);
    }
  }

  function show(message) {
    if (message.type !== 'passages' || message.generation < lastGeneration) return;
    lastGeneration = message.generation;
    // Results for the cursor replace a search: the box would otherwise name a search no longer shown.
    if (message.origin === 'cursor' && document.activeElement !== input) input.value = '';
    render(message);
    vscode.setState({ message, query: input.value });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query) vscode.postMessage({ type: 'search', query });
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') input.value = '';
  });

  // Up/Down move between passages; buttons inside stay reachable with Tab.
  results.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = [...results.querySelectorAll('.passage')];
    const current = items.indexOf(document.activeElement.closest('.passage'));
    const next = items[Math.max(0, Math.min(items.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });

  window.addEventListener('message', (event) => show(event.data));

  const saved = vscode.getState();
  if (saved?.message) {
    input.value = saved.query || '';
    render(saved.message);
  }
  vscode.postMessage({ type: 'ready' });
})();
