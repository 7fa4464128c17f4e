#!/usr/bin/env node
// Checks the gazetteer TSVs in src/main/resources/gazetteer (generated and hand-kept ones):
// format, golden look-ups, forms that must be present, cross-country collisions, sizes.
//
//   cd tools/gazetteer && node check.mjs          (no npm packages needed)
//
// Exits 1 if a format rule or a golden look-up fails. Look-ups fold case and diacritics the way the
// app's Tokenizer.normalize does, and drop a leading "the ".

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main/resources/gazetteer');
const fold = (s) => s.replace(/\u2019/g, "'").normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().trim();
const key = (s) => fold(s).replace(/^the /, '');
const list = (cell) => (cell ? cell.split('|').map((s) => s.trim()).filter(Boolean) : []);

let failures = 0;
const fail = (msg) => { failures++; console.log(`FAIL ${msg}`); };

const COLUMNS = {
  'countries.tsv': ['a3', 'a2', 'name', 'official', 'names', 'demonyms', 'capitals'],
  'places.tsv': ['name', 'a3', 'kind', 'population', 'alternates'],
  'overrides.tsv': ['surface', 'a3', 'kind', 'note'],
  'orgs.tsv': ['name', 'acronyms', 'a3', 'kind', 'aliases'],
};
const KINDS = {
  'places.tsv': new Set(['CITY', 'REGION']),
  'overrides.tsv': new Set(['NAME', 'DEMONYM', 'SEAT', 'CAPITAL', 'CITY', 'REGION', 'STOP']),
  'orgs.tsv': new Set(['INTL', 'GOV', 'AGENCY']),
};

/** Reads a file, checks the format, returns its data rows. */
function load(file) {
  const path = join(DIR, file);
  const buf = readFileSync(path);
  const text = buf.toString('utf8');
  if (Buffer.from(text, 'utf8').compare(buf) !== 0) fail(`${file}: not valid UTF-8`);
  if (text.charCodeAt(0) === 0xfeff) fail(`${file}: has a BOM`);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  const comments = [];
  while (i < lines.length && lines[i].startsWith('#')) comments.push(lines[i++]);
  const colLines = comments.filter((l) => l.startsWith('#columns:'));
  if (colLines.length !== 1) fail(`${file}: ${colLines.length} #columns: lines`);
  if (comments[comments.length - 1] !== colLines[0]) fail(`${file}: #columns: is not the last comment line`);
  const cols = colLines[0].slice('#columns:'.length).split('\t');
  if (cols.join(',') !== COLUMNS[file].join(',')) fail(`${file}: columns ${cols} != ${COLUMNS[file]}`);
  const rows = [];
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#')) { fail(`${file}:${i + 1}: comment after the header`); continue; }
    if (line.includes('\r')) fail(`${file}:${i + 1}: CR`);
    const cells = line.split('\t');
    if (cells.length !== cols.length) { fail(`${file}:${i + 1}: ${cells.length} cells, want ${cols.length}`); continue; }
    if (!cells[0]) fail(`${file}:${i + 1}: empty first cell`);
    for (const c of cells) if (c !== c.trim()) fail(`${file}:${i + 1}: cell with outer spaces: ${JSON.stringify(c)}`);
    const row = Object.fromEntries(cols.map((c, j) => [c, cells[j]]));
    if (KINDS[file] && !KINDS[file].has(row.kind)) fail(`${file}:${i + 1}: kind ${row.kind}`);
    row.line = i + 1;
    rows.push(row);
  }
  return { rows, size: statSync(path).size, lines: lines.length };
}

const files = {};
for (const f of Object.keys(COLUMNS)) files[f] = load(f);
const countries = files['countries.tsv'].rows;
const places = files['places.tsv'].rows;
const overrides = files['overrides.tsv'].rows;
const orgs = files['orgs.tsv'].rows;
const A3 = new Set(countries.map((c) => c.a3));
for (const c of countries) if (!/^[A-Z]{3}$/.test(c.a3) || !/^[A-Z]{2}$/.test(c.a2)) fail(`countries.tsv:${c.line}: codes ${c.a3} ${c.a2}`);
for (const p of places) {
  if (!A3.has(p.a3)) fail(`places.tsv:${p.line}: unknown a3 ${p.a3}`);
  if (p.kind === 'CITY' && !/^\d+$/.test(p.population)) fail(`places.tsv:${p.line}: population ${p.population}`);
}
for (const o of overrides) {
  if (o.kind === 'STOP' ? o.a3 !== '-' : !A3.has(o.a3)) fail(`overrides.tsv:${o.line}: a3 ${o.a3} for ${o.kind}`);
}
for (const o of orgs) if (o.a3 !== '-' && !A3.has(o.a3)) fail(`orgs.tsv:${o.line}: a3 ${o.a3}`);

// ---- index: folded surface -> senses
const index = new Map();
const add = (surface, sense) => {
  const k = key(surface);
  if (!index.has(k)) index.set(k, []);
  index.get(k).push(sense);
};
const stops = new Set(overrides.filter((o) => o.kind === 'STOP').map((o) => key(o.surface)));
for (const c of countries) {
  for (const s of [c.name, c.official, ...list(c.names)]) add(s, { a3: c.a3, kind: 'NAME', src: 'countries' });
  for (const s of list(c.demonyms)) add(s, { a3: c.a3, kind: 'DEMONYM', src: 'countries' });
  for (const s of list(c.capitals)) add(s, { a3: c.a3, kind: 'CAPITAL', src: 'countries' });
}
for (const p of places) {
  const pop = Number(p.population) || 0;
  for (const s of [p.name, ...list(p.alternates)]) {
    if (!stops.has(key(s))) add(s, { a3: p.a3, kind: p.kind, src: 'places', pop, row: p.name });
  }
}
for (const o of overrides) if (o.kind !== 'STOP') add(o.surface, { a3: o.a3, kind: o.kind, src: 'overrides' });
for (const o of orgs) {
  for (const s of [o.name, ...list(o.acronyms), ...list(o.aliases)]) add(s, { a3: o.a3, kind: `ORG:${o.kind}`, src: 'orgs' });
}

// ---- golden look-ups
const GOLDEN = [
  ['Kokshetau', 'KAZ', 'CITY'], ['Kokchetav', 'KAZ'], ['Pavlodar Region', 'KAZ', 'REGION'], ['Gomel', 'BLR'], ['Homyel', 'BLR'],
  ['Gomel Oblast', 'BLR', 'REGION'], ['Gomel Region', 'BLR', 'REGION'], ['Astana', 'KAZ'], ['Nur-Sultan', 'KAZ'],
  ['Belarusian', 'BLR', 'DEMONYM'], ['Kazakh', 'KAZ', 'DEMONYM'], ['Kazakhstani', 'KAZ', 'DEMONYM'], ['Emirati', 'ARE', 'DEMONYM'],
  ['the Kremlin', 'RUS', 'SEAT'], ['Akorda', 'KAZ', 'SEAT'], ['Shandong Province', 'CHN', 'REGION'], ['Bavaria', 'DEU', 'REGION'],
  ['Kyiv', 'UKR'], ['Turkey', 'TUR', 'NAME'], ['U.S.', 'USA', 'NAME'], ['Britain', 'GBR', 'NAME'], ['Kosovo', 'XKX', 'NAME'],
  ['Taiwan', 'TWN', 'NAME'], ['Palestine', 'PSE', 'NAME'],
];
console.log('== golden look-ups (country+places+overrides)');
for (const [surface, want, kind] of GOLDEN) {
  const senses = (index.get(key(surface)) || []).filter((s) => s.src !== 'orgs');
  const codes = [...new Set(senses.map((s) => s.a3))];
  const ok = codes.includes(want) && (!kind || senses.some((s) => s.a3 === want && s.kind === kind));
  const line = `${surface} -> ${codes.join(',') || '(none)'} [${[...new Set(senses.map((s) => `${s.a3}:${s.kind}:${s.src}`))].join(' ')}]`;
  if (!ok) fail(`golden ${line}, want ${want}${kind ? ` ${kind}` : ''}`);
  else console.log(`ok   ${line}${codes.length > 1 ? '  (AMBIGUOUS)' : ''}`);
}

// ---- forms the brief asks to be present (after merging overrides)
const MUST = {
  NAME: [['Turkey', 'TUR'], ['Britain', 'GBR'], ['Great Britain', 'GBR'], ['America', 'USA'], ['U.S.', 'USA'], ['U.S.A.', 'USA'],
    ['U.K.', 'GBR'], ['Byelorussia', 'BLR'], ['Kirghizia', 'KGZ'], ['ROK', 'KOR'], ['South Korea', 'KOR'], ['North Korea', 'PRK'],
    ['the Netherlands', 'NLD'], ['Holland', 'NLD'], ['Russia', 'RUS'], ['Vietnam', 'VNM'], ['Viet Nam', 'VNM'], ['Laos', 'LAO'],
    ['Syria', 'SYR'], ['Iran', 'IRN'], ['Moldova', 'MDA'], ['Macedonia', 'MKD'], ['North Macedonia', 'MKD'], ['Czech Republic', 'CZE'],
    ['Ivory Coast', 'CIV'], ["Cote d'Ivoire", 'CIV'], ['Burma', 'MMR'], ['Swaziland', 'SWZ'], ['Cape Verde', 'CPV'], ['East Timor', 'TLS'],
    ['Vatican', 'VAT'], ['Palestine', 'PSE'], ['Taiwan', 'TWN'], ['Kosovo', 'XKX'], ['UAE', 'ARE'], ['DRC', 'COD'], ['DPRK', 'PRK'], ['USA', 'USA']],
  DEMONYM: [['Kazakh', 'KAZ'], ['Uzbek', 'UZB'], ['Kyrgyz', 'KGZ'], ['Tajik', 'TJK'], ['Turkmen', 'TKM'], ['Emirati', 'ARE'], ['Afghan', 'AFG'],
    ['Bangladeshi', 'BGD'], ['Filipino', 'PHL'], ['Dutch', 'NLD'], ['Swiss', 'CHE'], ['Thai', 'THA'], ['Lao', 'LAO'], ['Saudi', 'SAU'],
    ['Omani', 'OMN'], ['Qatari', 'QAT'], ['Bahraini', 'BHR'], ['Kuwaiti', 'KWT'], ['Yemeni', 'YEM'], ['South Korean', 'KOR'],
    ['North Korean', 'PRK'], ['Belarusian', 'BLR'], ['Belarussian', 'BLR'], ['Byelorussian', 'BLR'], ['Kirghiz', 'KGZ'], ['Azeri', 'AZE'],
    ['Azerbaijani', 'AZE'], ['Georgian', 'GEO'], ['Ukrainian', 'UKR'], ['Russian', 'RUS'], ['Chinese', 'CHN'], ['Indian', 'IND'],
    ['Pakistani', 'PAK'], ['Japanese', 'JPN'], ['American', 'USA'], ['British', 'GBR'], ['French', 'FRA'], ['German', 'DEU'],
    ['Turkish', 'TUR'], ['Israeli', 'ISR'], ['Palestinian', 'PSE'], ['Iranian', 'IRN'], ['Iraqi', 'IRQ'], ['Syrian', 'SYR'],
    ['Lebanese', 'LBN'], ['Jordanian', 'JOR'], ['Egyptian', 'EGY'], ['Ethiopian', 'ETH'], ['Sudanese', 'SDN'], ['Malian', 'MLI'],
    ['Nigerien', 'NER'], ['Chadian', 'TCD'], ['Venezuelan', 'VEN'], ['Colombian', 'COL'], ['Brazilian', 'BRA'], ['Argentine', 'ARG'],
    ['Argentinian', 'ARG'], ['Chilean', 'CHL'], ['Peruvian', 'PER'], ['Mexican', 'MEX'], ['Australian', 'AUS'], ['Fijian', 'FJI'],
    ['Kazakhstani', 'KAZ'], ['Uzbekistani', 'UZB'], ['Kyrgyzstani', 'KGZ'], ['Kosovar', 'XKX'], ['Taiwanese', 'TWN']],
  CAPITAL: [['Kyiv', 'UKR'], ['Kiev', 'UKR'], ['Astana', 'KAZ'], ['Nur-Sultan', 'KAZ'], ['New Delhi', 'IND'], ['Washington', 'USA'],
    ['Tbilisi', 'GEO'], ['Yerevan', 'ARM'], ['Baku', 'AZE'], ['Bishkek', 'KGZ'], ['Dushanbe', 'TJK'], ['Ashgabat', 'TKM'],
    ['Ashkhabad', 'TKM'], ['Tashkent', 'UZB'], ['Minsk', 'BLR'], ['Beijing', 'CHN'], ['Moscow', 'RUS'], ['Ankara', 'TUR'], ['Abu Dhabi', 'ARE']],
  SEAT: [['Kremlin', 'RUS'], ['White House', 'USA'], ['Downing Street', 'GBR'], ['Elysee Palace', 'FRA'], ['Akorda', 'KAZ'], ['Ak Orda', 'KAZ'],
    ['Zhongnanhai', 'CHN'], ['Blue House', 'KOR'], ['Quai d\'Orsay', 'FRA'], ['Foggy Bottom', 'USA'], ['Pentagon', 'USA'], ['Capitol Hill', 'USA'],
    ['Casa Rosada', 'ARG'], ['Planalto', 'BRA'], ['Itamaraty', 'BRA'], ['Kasumigaseki', 'JPN'], ['Bankova', 'UKR']],
};
console.log('== forms that must be present');
let missing = 0;
for (const [kind, pairs] of Object.entries(MUST)) {
  for (const [surface, want] of pairs) {
    const senses = (index.get(key(surface)) || []).filter((s) => s.src !== 'orgs');
    const kinds = kind === 'CAPITAL' ? ['CAPITAL', 'CITY'] : [kind];
    if (!senses.some((s) => s.a3 === want && kinds.includes(s.kind))) {
      missing++;
      fail(`missing ${kind} ${surface} -> ${want} (have: ${senses.map((s) => `${s.a3}:${s.kind}`).join(' ') || 'nothing'})`);
    }
  }
}
console.log(`${Object.values(MUST).flat().length - missing} of ${Object.values(MUST).flat().length} present`);

// ---- places must not use another country's name, demonym or capital
const countryForm = new Map();
for (const c of countries) {
  for (const s of [c.name, c.official, ...list(c.names), ...list(c.demonyms), ...list(c.capitals)]) {
    const k = key(s);
    if (!countryForm.has(k)) countryForm.set(k, new Set());
    countryForm.get(k).add(c.a3);
  }
}
for (const o of overrides) {
  if (!['NAME', 'DEMONYM', 'CAPITAL', 'SEAT'].includes(o.kind)) continue;
  const k = key(o.surface);
  if (!countryForm.has(k)) countryForm.set(k, new Set());
  countryForm.get(k).add(o.a3);
}
let clashes = 0;
for (const p of places) {
  for (const s of [p.name, ...list(p.alternates)]) {
    const owners = countryForm.get(key(s));
    if (owners && [...owners].some((a) => a !== p.a3)) {
      clashes++;
      if (clashes <= 20) fail(`places.tsv:${p.line}: "${s}" (${p.a3} ${p.kind} ${p.name}) is a country form of ${[...owners].join(',')}`);
    }
  }
}
console.log(`== places forms equal to another country's name/demonym/capital: ${clashes}`);

// ---- ambiguity over countries + places + overrides (orgs left out)
const amb = [];
for (const [k, senses] of index) {
  const geo = senses.filter((s) => s.src !== 'orgs');
  const codes = [...new Set(geo.map((s) => s.a3))];
  if (codes.length > 1) {
    const byA3 = new Map();
    for (const s of geo) {
      const cur = byA3.get(s.a3) || { pop: 0, kinds: new Set() };
      cur.pop = Math.max(cur.pop, s.pop || 0);
      cur.kinds.add(s.kind);
      byA3.set(s.a3, cur);
    }
    const pops = [...byA3.values()].map((v) => v.pop).sort((a, b) => b - a);
    amb.push({ k, byA3, top: pops[0], second: pops[1] });
  }
}
console.log(`== ambiguous surface forms (more than one a3): ${amb.length} of ${index.size} distinct folded forms`);
const show = (a) => `  ${a.k}: ${[...a.byA3].sort((x, y) => y[1].pop - x[1].pop).map(([a3, v]) => `${a3}(${[...v.kinds].join('/')}${v.pop ? ` ${v.pop}` : ''})`).join(' ')}`;
amb.sort((a, b) => b.top - a.top || a.k.localeCompare(b.k));
console.log('30 most populous collisions, by the largest place among the senses (REGION, names and capitals count 0):');
for (const a of amb.slice(0, 30)) console.log(show(a));
amb.sort((a, b) => (b.second || 0) - (a.second || 0) || b.top - a.top || a.k.localeCompare(b.k));
console.log('30 most populous collisions, by the second-largest sense (both sides are big places):');
for (const a of amb.slice(0, 30)) console.log(show(a));
const countryLevel = amb.filter((a) => [...a.byA3.values()].some((v) => [...v.kinds].some((x) => ['NAME', 'DEMONYM', 'CAPITAL', 'SEAT'].includes(x))));
console.log(`ambiguous forms involving a country name/demonym/capital/seat: ${countryLevel.length}: ${countryLevel.map((a) => `${a.k}=${[...a.byA3.keys()].join('/')}`).join('; ')}`);

// ---- sizes
console.log('== files');
for (const [f, { rows, size }] of Object.entries(files)) console.log(`  ${f}: ${rows.length} rows, ${size} bytes`);
const kinds = {};
for (const p of places) kinds[p.kind] = (kinds[p.kind] || 0) + 1;
const alts = places.reduce((n, p) => n + list(p.alternates).length, 0);
console.log(`  places.tsv: ${JSON.stringify(kinds)}, ${alts} alternates`);
if (files['places.tsv'].size >= 3 * 1024 * 1024) fail('places.tsv is 3 MB or more');

console.log(failures ? `${failures} failure(s)` : 'all checks passed');
process.exit(failures ? 1 : 0);
