// Unit tests of the dashboard's logic (src/main/resources/web/model.js), with Node's built-in runner:
//   node --test src/test/js/
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const M = require(path.join(__dirname, '..', '..', 'main', 'resources', 'web', 'model.js'));

function pair(key, stories, score, extra) {
  return Object.assign({
    pair: key, stories, duplicates: 0, score, scoredTags: stories * 2,
    types: { AGREE: stories }, topTypes: ['AGREE'], quads: { 1: stories }, sectors: { TRADE: 1 }, lastDay: '2016-11-29'
  }, extra || {});
}

const SAMPLE = [
  pair('BLR-KAZ', 3, 4.33, { duplicates: 1, types: { AGREE: 2, CONSULT: 1 }, quads: { 1: 3, 2: 1 }, sectors: { INDUSTRY: 2 } }),
  pair('IND-PAK', 5, -3, { types: { ACCUSE: 4, ASSAULT: 1 }, quads: { 3: 4, 4: 1 }, sectors: { DEFENSE: 3 }, lastDay: '2016-11-30' }),
  pair('KAZ-RUS', 2, 1, { types: { CONSULT: 2 }, quads: { 1: 2 }, sectors: {} }),
  pair('CHN-USA', 1, -0.5, { types: { COOPERATE: 1, SANCTION: 1 }, quads: { 2: 1, 4: 1 }, sectors: { TRADE: 1, ENERGY: 1 } })
];

test('escapeHtml escapes markup, quotes and nothing else', () => {
  assert.equal(M.escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(M.escapeHtml(`a & "b" 'c' \`d\``), 'a &amp; &quot;b&quot; &#39;c&#39; &#96;d&#96;');
  assert.equal(M.escapeHtml('Minsk – Astana'), 'Minsk – Astana');
  assert.equal(M.escapeHtml(null), '');
  assert.equal(M.escapeHtml(undefined), '');
  assert.equal(M.escapeHtml(42), '42');
});

test('scoreColor runs red through grey to green', () => {
  const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [r0, g0, b0] = rgb(M.scoreColor(0));
  assert.ok(Math.abs(r0 - g0) < 20 && Math.abs(g0 - b0) < 20, 'zero is grey');
  const [rc, gc] = rgb(M.scoreColor(-10));
  assert.ok(rc > 150 && gc < 60, 'conflict is red');
  const [rp, gp] = rgb(M.scoreColor(10));
  assert.ok(gp > rp + 80, 'cooperation is green');
  // stronger scores move further from grey
  const dist = (s) => { const [r, g, b] = rgb(M.scoreColor(s)); return Math.hypot(r - r0, g - g0, b - b0); };
  assert.ok(dist(2) < dist(5) && dist(5) < dist(10));
  assert.ok(dist(-2) < dist(-5) && dist(-5) < dist(-10));
  // clamped, and grey for what is not a score
  assert.equal(M.scoreColor(25), M.scoreColor(10));
  assert.equal(M.scoreColor(-99), M.scoreColor(-10));
  assert.equal(M.scoreColor(null), M.scoreColor(0));
  assert.equal(M.scoreColor('x'), M.scoreColor(0));
  assert.match(M.scoreColor(3.3), /^#[0-9a-f]{6}$/);
});

test('formatScore and scoreWord', () => {
  assert.equal(M.formatScore(4.333), '+4.3');
  assert.equal(M.formatScore(-3), '\u22123.0');
  assert.equal(M.formatScore(0), '0.0');
  assert.equal(M.formatScore(null), '\u2013');
  assert.equal(M.scoreWord(6), 'strong cooperation');
  assert.equal(M.scoreWord(1), 'cooperation');
  assert.equal(M.scoreWord(0), 'neutral');
  assert.equal(M.scoreWord(-2), 'conflict');
  assert.equal(M.scoreWord(-8), 'strong conflict');
});

test('sizes grow with stories and stay in their ranges', () => {
  assert.equal(M.nodeSize(0, 10), 14);
  assert.equal(M.nodeSize(10, 10), 56);
  assert.ok(M.nodeSize(3, 10) < M.nodeSize(6, 10));
  assert.ok(M.nodeSize(1, 1) < 56, 'one-story graphs are not drawn at full size');
  assert.equal(M.nodeSize(40, 40, 6, 20), 20);
  assert.equal(M.edgeWidth(0, 10), 1.5);
  assert.equal(M.edgeWidth(10, 10), 10);
  assert.ok(M.edgeWidth(2, 10) < M.edgeWidth(8, 10));
  const [lo, hi] = M.nodeSizeRange(10, 500, 500);
  const [lo2, hi2] = M.nodeSizeRange(200, 500, 500);
  assert.ok(hi2 < hi && lo2 <= lo && lo2 >= 6 && hi <= 56, 'more nodes, smaller nodes');
});

test('filters by country, event type, quad class and sector', () => {
  const keys = (f) => M.filterPairs(SAMPLE, f).map((p) => p.pair).sort();
  assert.deepEqual(keys({}), ['BLR-KAZ', 'CHN-USA', 'IND-PAK', 'KAZ-RUS']);
  assert.deepEqual(keys({ country: 'KAZ' }), ['BLR-KAZ', 'KAZ-RUS']);
  assert.deepEqual(keys({ type: 'CONSULT' }), ['BLR-KAZ', 'KAZ-RUS']);
  assert.deepEqual(keys({ quad: '4' }), ['CHN-USA', 'IND-PAK']);
  assert.deepEqual(keys({ quad: 2 }), ['BLR-KAZ', 'CHN-USA']);
  assert.deepEqual(keys({ sector: 'TRADE' }), ['CHN-USA']);
  assert.deepEqual(keys({ country: 'KAZ', quad: '2' }), ['BLR-KAZ']);
  assert.deepEqual(keys({ country: 'FRA' }), []);
  assert.deepEqual(M.filterPairs([{ pair: '<b>' }, null].filter(Boolean), {}), [], 'malformed keys never pass');
});

test('sortPairs orders by stories, conflict, cooperation, latest and name', () => {
  const order = (s) => M.sortPairs(SAMPLE, s).map((p) => p.pair);
  assert.deepEqual(order('stories'), ['IND-PAK', 'BLR-KAZ', 'KAZ-RUS', 'CHN-USA']);
  assert.deepEqual(order('conflict'), ['IND-PAK', 'CHN-USA', 'KAZ-RUS', 'BLR-KAZ']);
  assert.deepEqual(order('cooperation'), ['BLR-KAZ', 'KAZ-RUS', 'CHN-USA', 'IND-PAK']);
  assert.equal(order('latest')[0], 'IND-PAK');
  assert.deepEqual(order('name'), ['BLR-KAZ', 'CHN-USA', 'IND-PAK', 'KAZ-RUS']);
  assert.deepEqual(order('bogus'), order('stories'));
  assert.equal(SAMPLE[0].pair, 'BLR-KAZ', 'sorts a copy');
});

test('buildGraph makes nodes of countries and edges of pairs', () => {
  const g = M.buildGraph(SAMPLE, {}, { top: 100 });
  assert.equal(g.edges.length, 4);
  assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['BLR', 'CHN', 'IND', 'KAZ', 'PAK', 'RUS', 'USA']);
  const kaz = g.nodes.find((n) => n.id === 'KAZ');
  assert.equal(kaz.stories, 5, 'a node sums the stories of its shown pairs');
  assert.equal(kaz.pairs, 2);
  const rus = g.nodes.find((n) => n.id === 'RUS');
  assert.ok(kaz.size > rus.size);
  const e = g.edges.find((x) => x.id === 'BLR-KAZ');
  assert.equal(e.source, 'BLR');
  assert.equal(e.target, 'KAZ');
  assert.equal(e.stories, 3);
  assert.equal(e.color, M.scoreColor(4.33));
  const pak = g.edges.find((x) => x.id === 'IND-PAK');
  assert.ok(pak.width > e.width);
  assert.equal(g.matching, 4);
  assert.equal(g.total, 4);
});

test('buildGraph applies the filters and an unscored pair is grey', () => {
  const g = M.buildGraph(SAMPLE.concat([pair('FRA-MAR', 1, 0, { scoredTags: 0 })]), { country: 'KAZ' }, {});
  assert.deepEqual(g.edges.map((e) => e.id), ['BLR-KAZ', 'KAZ-RUS']);
  assert.equal(g.nodes.find((n) => n.id === 'KAZ').focus, true);
  assert.equal(g.matching, 2);
  assert.equal(g.total, 5);
  const all = M.buildGraph(SAMPLE.concat([pair('FRA-MAR', 1, 0, { scoredTags: 0 })]), {}, {});
  assert.equal(all.edges.find((e) => e.id === 'FRA-MAR').color, M.scoreColor(null));
});

test('buildGraph keeps a thousand pairs usable: top N edges, capped labels, the selection kept', () => {
  const many = [];
  for (let i = 0; i < 1000; i++) {
    // 1000 distinct pairs between 40 + 25 countries
    const a = 'A' + String.fromCharCode(65 + (i % 40) % 26) + String.fromCharCode(65 + Math.floor((i % 40) / 26));
    const b = 'Z' + String.fromCharCode(65 + Math.floor(i / 40));
    many.push(pair(a + '-' + b + 'Z', 1 + (i % 50), (i % 21) - 10));
  }
  const started = process.hrtime.bigint();
  const g = M.buildGraph(many, {}, { top: 100, selected: many[0].pair, width: 500, height: 550 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.ok(ms < 200, 'fast enough to run on every poll: ' + ms + ' ms');
  assert.equal(new Set(many.map((p) => p.pair)).size, 1000);
  assert.equal(g.matching, 1000);
  // the 100 with most stories, plus the selected pair, which is not among them
  assert.equal(g.edges.length, 101);
  assert.ok(g.edges.slice(0, 100).every((e) => e.stories >= 46));
  assert.equal(g.edges[100].id, many[0].pair);
  assert.equal(g.edges[100].selected, true);
  assert.ok(g.nodes.filter((n) => n.label).length <= 62, 'node labels are capped');
  assert.ok(g.nodes.filter((n) => n.selected).every((n) => n.label), 'the selected pair\'s countries are labelled');
  assert.ok(g.nodes.every((n) => n.size >= 6 && n.size <= 56));
  assert.equal(M.buildGraph(many, {}, { top: 25 }).edges.length, 25);
  // a selected pair that does not pass the filters is not forced into the graph
  assert.equal(M.buildGraph(many, { country: 'ZBZ' }, { top: 10, selected: many[0].pair }).edges.some((e) => e.selected), false);
});

test('layoutGraph spreads the nodes over the box without overlaps, the same way each time', () => {
  const g = M.buildGraph(SAMPLE.concat([pair('EGY-ETH', 1, 1), pair('FRA-MAR', 2, 3), pair('BLR-RUS', 4, 2)]), {}, { width: 400, height: 500 });
  const a = M.layoutGraph(g.nodes, g.edges, { width: 400, height: 500 });
  const b = M.layoutGraph(g.nodes, g.edges, { width: 400, height: 500 });
  assert.deepEqual(a, b, 'deterministic');
  assert.deepEqual(Object.keys(a).sort(), g.nodes.map((n) => n.id).sort());
  const size = Object.fromEntries(g.nodes.map((n) => [n.id, n.size]));
  const ids = Object.keys(a);
  const dist = (x, y) => Math.hypot(a[x][0] - a[y][0], a[x][1] - a[y][1]);
  for (let i = 0; i < ids.length; i++) {
    assert.ok(a[ids[i]].every(Number.isFinite));
    for (let j = i + 1; j < ids.length; j++) {
      assert.ok(dist(ids[i], ids[j]) >= (size[ids[i]] + size[ids[j]]) / 2, ids[i] + ' and ' + ids[j] + ' overlap');
    }
  }
  // a pair's countries are closer than the average two countries
  const all = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) all.push(dist(ids[i], ids[j]));
  const mean = all.reduce((s, d) => s + d, 0) / all.length;
  g.edges.forEach((e) => assert.ok(dist(e.source, e.target) < mean, e.id + ' is drawn short'));
  // it fills the box's shape: taller than wide in a tall box
  const xs = ids.map((k) => a[k][0]);
  const ys = ids.map((k) => a[k][1]);
  assert.ok(Math.max(...ys) - Math.min(...ys) > Math.max(...xs) - Math.min(...xs));
  assert.deepEqual(M.layoutGraph([], [], {}), {});
});

test('layoutGraph keeps the picture when a poll adds a pair', () => {
  const before = M.buildGraph(SAMPLE, {}, {});
  const first = M.layoutGraph(before.nodes, before.edges, { width: 500, height: 500 });
  const after = M.buildGraph(SAMPLE.concat([pair('KAZ-UZB', 1, 1)]), {}, {});
  const second = M.layoutGraph(after.nodes, after.edges, { width: 500, height: 500, previous: first });
  const moved = Object.keys(first).map((k) => Math.hypot(first[k][0] - second[k][0], first[k][1] - second[k][1]));
  const span = Math.max(...Object.values(first).map((p) => p[0])) - Math.min(...Object.values(first).map((p) => p[0]));
  assert.ok(moved.reduce((s, d) => s + d, 0) / moved.length < span / 3, 'known countries stay about where they were: ' + moved);
  assert.ok(Math.hypot(second.UZB[0] - second.KAZ[0], second.UZB[1] - second.KAZ[1]) < span, 'the new country is placed by its partner');
});

test('layoutGraph handles a thousand pairs in time', () => {
  const many = [];
  for (let i = 0; i < 1000; i++) {
    many.push(pair('A' + String.fromCharCode(65 + (i % 40) % 26) + String.fromCharCode(65 + Math.floor((i % 40) / 26)) + '-Z'
      + String.fromCharCode(65 + Math.floor(i / 40)) + 'Z', 1 + (i % 50), 0));
  }
  for (const top of [100, 1000]) {
    const g = M.buildGraph(many, {}, { top, width: 500, height: 550 });
    const started = process.hrtime.bigint();
    const pos = M.layoutGraph(g.nodes, g.edges, { width: 500, height: 550 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.equal(Object.keys(pos).length, g.nodes.length);
    assert.ok(ms < 2000, top + ' pairs laid out in ' + ms + ' ms');
  }
});

test('fitRect draws the layout at its own aspect, centred in the box', () => {
  const r = M.fitRect({ A: [0, 0], B: [200, 100] }, { width: 400, height: 400 }, { left: 10, top: 20 });
  assert.deepEqual(r, { left: 10, top: 120, width: 400, height: 200 });
  const flat = M.fitRect({ A: [0, 5], B: [100, 5] }, { width: 300, height: 300 }, { left: 0, top: 0 });
  assert.equal(flat.width / flat.height, 50, 'a flat layout gets the 2-unit height ECharts gives it');
});

test('countries lists the codes with their stories', () => {
  assert.deepEqual(M.countries(SAMPLE).find((c) => c.code === 'KAZ'), { code: 'KAZ', stories: 5 });
  assert.deepEqual(M.countries(SAMPLE).map((c) => c.code), ['BLR', 'CHN', 'IND', 'KAZ', 'PAK', 'RUS', 'USA']);
});

test('mergePairs reports what a poll added, changed and removed', () => {
  const first = M.mergePairs({}, SAMPLE);
  assert.equal(first.changed, true);
  assert.equal(first.added.length, 4);
  const same = M.mergePairs(first.signatures, JSON.parse(JSON.stringify(SAMPLE)));
  assert.equal(same.changed, false, 'an identical poll changes nothing');
  const next = SAMPLE.slice(1).map((p) => (p.pair === 'IND-PAK' ? Object.assign({}, p, { stories: 6 }) : p));
  next.push(pair('EGY-ETH', 1, 1));
  const m = M.mergePairs(first.signatures, next);
  assert.deepEqual(m.added, ['EGY-ETH']);
  assert.deepEqual(m.updated, ['IND-PAK']);
  assert.deepEqual(m.removed, ['BLR-KAZ']);
  assert.equal(m.changed, true);
  assert.equal(Object.keys(m.signatures).length, 4);
  assert.deepEqual(M.mergePairs(null, [{ pair: 'bad' }]).added, []);
});

test('timeline splits each day\'s stories over the quad classes and keeps the score', () => {
  const t = M.timeline([
    { day: '2016-11-29', stories: 2, duplicates: 1, quads: { 1: 2, 2: 1, 4: 1 }, score: 4.5, scoredTags: 4, sources: ['BelTA'] },
    { day: '2016-11-27', stories: 1, duplicates: 0, quads: {}, score: 0, scoredTags: 0, sources: [] },
    { day: 'not a day', stories: 9 }
  ]);
  assert.deepEqual(t.days.map((d) => d.day), ['2016-11-27', '2016-11-29']);
  const total = (i) => [1, 2, 3, 4].reduce((s, q) => s + t.quads[q][i][1], 0) + t.unscored[i][1];
  assert.equal(total(0), 1);
  assert.equal(total(1), 2, 'a bar is as high as the day\'s stories');
  assert.deepEqual(t.quads[1][1], ['2016-11-29', 1]);
  assert.deepEqual(t.quads[2][1], ['2016-11-29', 0.5]);
  assert.deepEqual(t.quads[3][1], ['2016-11-29', 0]);
  assert.deepEqual(t.unscored[0], ['2016-11-27', 1], 'stories without a counted tag');
  assert.deepEqual(t.score, [['2016-11-27', null], ['2016-11-29', 4.5]]);
  assert.deepEqual(t.days[1].sources, ['BelTA']);
  assert.deepEqual(M.timeline(null).days, []);
});

test('timeline sums two records of the same day', () => {
  const t = M.timeline([
    { day: '2016-11-29', stories: 1, quads: { 1: 1 }, score: 4, scoredTags: 1 },
    { day: '2016-11-29', stories: 1, quads: { 3: 1 }, score: -2, scoredTags: 1 }
  ]);
  assert.equal(t.days.length, 1);
  assert.equal(t.days[0].stories, 2);
  assert.deepEqual(t.score, [['2016-11-29', 1]]);
});

const TEXT = 'MINSK. BelTA - Belarus and Kazakhstan signed a deal. Kazakhstan will ship grain. <script>alert(1)</script>';

test('locate trusts offsets that hold the evidence, else finds its text', () => {
  assert.deepEqual(M.locate(TEXT, { start: 15, end: 52, text: 'Belarus and Kazakhstan signed a deal.' }), { start: 15, end: 52 });
  assert.deepEqual(M.locate(TEXT, { start: 0, end: 5, text: 'Kazakhstan will ship grain.' }), { start: 53, end: 80 });
  assert.deepEqual(M.locate(TEXT, { start: 0, end: 5 }), { start: 0, end: 5 });
  assert.equal(M.locate(TEXT, { start: 5, end: 500, text: 'not in the text' }), null);
  assert.equal(M.locate(TEXT, { start: 'a', end: 3 }), null);
  assert.equal(M.locate(null, { start: 0, end: 3 }), null);
});

test('highlightSegments cuts the text into plain and marked segments', () => {
  const segs = M.highlightSegments(TEXT, [
    { start: 15, end: 52, label: 'AGREE', quad: 1 },
    { start: 15, end: 37, label: 'CONSULT', quad: 1 },
    { start: 53, end: 80, label: 'COOPERATE (planned)', quad: 2 }
  ]);
  assert.equal(segs.map((s) => s.text).join(''), TEXT, 'the segments give back the text');
  assert.deepEqual(segs.map((s) => s.mark), [false, true, true, false, true, false]);
  assert.equal(segs[1].text, 'Belarus and Kazakhstan');
  assert.deepEqual(segs[1].labels, ['AGREE', 'CONSULT']);
  assert.equal(segs[2].text, ' signed a deal.');
  assert.deepEqual(segs[2].labels, ['AGREE']);
  assert.deepEqual(segs[4].quads, [2]);
  // markup in the text stays text: the segments carry it verbatim, for textContent
  assert.equal(segs[5].text, ' <script>alert(1)</script>');
});

test('highlightSegments ignores ranges outside the text and handles no ranges', () => {
  assert.deepEqual(M.highlightSegments('abc', []), [{ text: 'abc', mark: false, labels: [], quads: [] }]);
  assert.deepEqual(M.highlightSegments('abc', [{ start: 2, end: 99 }]).map((s) => [s.text, s.mark]), [['ab', false], ['c', true]]);
  assert.deepEqual(M.highlightSegments('abc', [{ start: 3, end: 1 }, { start: 'x', end: 2 }]).map((s) => s.mark), [false]);
  assert.deepEqual(M.highlightSegments('', [{ start: 0, end: 1 }]), [{ text: '', mark: false, labels: [], quads: [] }]);
  // adjacent ranges with the same labels merge into one mark
  assert.deepEqual(M.highlightSegments('abcd', [{ start: 0, end: 2, label: 'X' }, { start: 2, end: 4, label: 'X' }]).map((s) => s.text), ['abcd']);
});

test('evidenceRanges labels each tag\'s evidence with its type and modality', () => {
  const relation = {
    tags: [
      { type: 'AGREE', quad: 1, modality: 'occurred', evidence: [{ start: 15, end: 52, text: 'Belarus and Kazakhstan signed a deal.' }] },
      { type: 'COOPERATE', quad: 2, modality: 'planned', evidence: [{ start: 1, end: 2, text: 'Kazakhstan will ship grain.' }] },
      { type: 'AID', quad: 2, modality: 'negated', evidence: [{ start: 900, end: 999, text: 'gone' }] }
    ]
  };
  assert.deepEqual(M.evidenceRanges(relation, TEXT), [
    { start: 15, end: 52, label: 'AGREE', quad: 1 },
    { start: 53, end: 80, label: 'COOPERATE (planned)', quad: 2 }
  ]);
  assert.deepEqual(M.evidenceRanges(null, TEXT), []);
});

test('directionText, tagLabel and learnNames', () => {
  assert.equal(M.directionText({ source: 'BLR', target: 'KAZ' }), 'BLR \u2192 KAZ');
  assert.equal(M.directionText({ source: '<b>', target: 'KAZ' }), null);
  assert.equal(M.directionText(undefined), null);
  assert.equal(M.tagLabel({ type: 'AGREE', modality: 'occurred' }), 'AGREE');
  assert.equal(M.tagLabel({ type: 'AID', modality: 'negated' }), 'AID (negated)');
  const names = M.learnNames({}, {
    actors: {
      BLR: [{ type: 'COUNTRY', code: 'BLR', name: 'Belarus' }, { type: 'PERSON', name: 'Viktor Lisovsky', country: 'BLR' }],
      KAZ: [{ type: 'COUNTRY', code: 'KAZ', name: 'Kazakhstan' }]
    }
  });
  assert.deepEqual(names, { BLR: 'Belarus', KAZ: 'Kazakhstan' });
});

test('latestStoryIds and relationFromStory rebuild a pair\'s stories from its days', () => {
  const days = [
    { day: '2016-11-27', latestStories: ['a', 'b'] },
    { day: '2016-11-29', latestStories: ['c', 'a'] }
  ];
  assert.deepEqual(M.latestStoryIds(days, 10), ['c', 'a', 'b']);
  assert.deepEqual(M.latestStoryIds(days, 2), ['c', 'a']);
  const story = {
    id: 'c', headline: 'H', published: '2016-11-29', agency: 'BelTA', source: 'BelTA', text: TEXT,
    entities: [
      { type: 'COUNTRY', code: 'BLR', name: 'Belarus', start: 15, end: 22 },
      { type: 'ORG', name: 'BelTA', country: 'BLR', start: 7, end: 12 },
      { type: 'COUNTRY', code: 'KAZ', name: 'Kazakhstan', start: 27, end: 37 },
      { type: 'LOCATION', name: 'Minsk', country: 'BLR', start: 0, end: 5 }
    ],
    pairs: [{ pair: 'BLR-KAZ', countries: ['BLR', 'KAZ'], tags: [{ type: 'AGREE', quad: 1 }], sectors: ['TRADE'] }]
  };
  const r = M.relationFromStory(story, 'BLR-KAZ');
  assert.equal(r.storyId, 'c');
  assert.deepEqual(r.tags, [{ type: 'AGREE', quad: 1 }]);
  assert.deepEqual(r.actors.BLR.map((e) => e.name), ['Belarus', 'BelTA']);
  assert.deepEqual(r.actors.KAZ.map((e) => e.name), ['Kazakhstan']);
  assert.equal(M.relationFromStory(story, 'CHN-USA'), null);
  assert.equal(M.relationFromStory(null, 'BLR-KAZ'), null);
});

test('page state round-trips through the URL hash and drops what is invalid', () => {
  const state = Object.assign({}, M.DEFAULTS, { pair: 'BLR-KAZ', from: '2016-11-01', to: '2016-11-30', quad: '2', top: 50 });
  const hash = M.formatState(state);
  assert.equal(hash, '#pair=BLR-KAZ&from=2016-11-01&to=2016-11-30&quad=2&top=50');
  assert.deepEqual(M.parseState(hash), state);
  assert.equal(M.formatState(M.DEFAULTS), '');
  const bad = M.parseState('#pair=<script>&from=2016-02-30&to=x&country=kaz&type=EAT&quad=7&sector=..&top=3&sort=evil&%E0%A4%A=1');
  assert.deepEqual(bad, M.DEFAULTS);
  assert.equal(M.parseState('#from=2016-12-01&to=2016-11-01').to, '', 'a period that ends before it starts drops its end');
});

test('periodQuery and validDay', () => {
  assert.equal(M.periodQuery({ from: '2016-11-01', to: '2016-11-30' }), '?from=2016-11-01&to=2016-11-30');
  assert.equal(M.periodQuery({ from: '', to: '2016-11-30' }), '?to=2016-11-30');
  assert.equal(M.periodQuery({ from: 'x&y=1' }), '');
  assert.equal(M.periodQuery(null), '');
  assert.equal(M.validDay('2016-02-29'), true);
  assert.equal(M.validDay('2015-02-29'), false);
  assert.equal(M.validDay('2016-1-1'), false);
});

test('taxonomy tables match the app\'s enums (EventType, Sector)', () => {
  const fs = require('node:fs');
  const model = path.join(__dirname, '..', '..', 'main', 'java', 'io', 'dyadstream', 'model');
  const eventType = fs.readFileSync(path.join(model, 'EventType.java'), 'utf8');
  const types = [...eventType.matchAll(/\b([A-Z]+)\((\d)\)/g)].map((m) => ({ type: m[1], quad: Number(m[2]) }));
  assert.equal(types.length, 16);
  assert.deepEqual(M.EVENT_TYPES, types);
  const sector = fs.readFileSync(path.join(model, 'Sector.java'), 'utf8');
  const sectors = sector.slice(sector.indexOf('{') + 1, sector.lastIndexOf('}')).split(',').map((s) => s.trim()).filter(Boolean);
  assert.deepEqual(M.SECTORS, sectors);
  assert.deepEqual(Object.keys(M.QUADS), ['1', '2', '3', '4']);
  assert.equal(M.titleCase('SCIENCE_TECH'), 'Science tech');
  assert.deepEqual(M.splitPair('BLR-KAZ'), ['BLR', 'KAZ']);
  assert.equal(M.splitPair('blr-kaz'), null);
});
