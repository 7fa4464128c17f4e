/*
 * dyadstream dashboard: the page's logic without the DOM. Builds the graph from the pair list and the
 * filters, maps scores to colours, sizes nodes and edges, merges polled data, prepares the timeline,
 * escapes text for the few places that take HTML (chart tooltips) and cuts a story's text into plain
 * and highlighted segments. Loaded by index.html as a plain script (window.DyadModel) and by Node's
 * test runner (module.exports).
 */
(function (root) {
  'use strict';

  /** Quad classes (taxonomy section 2). */
  var QUADS = {
    1: { label: 'Verbal cooperation', short: 'verbal coop.', color: '#7fbf7b' },
    2: { label: 'Material cooperation', short: 'material coop.', color: '#1b7837' },
    3: { label: 'Verbal conflict', short: 'verbal conflict', color: '#f4a582' },
    4: { label: 'Material conflict', short: 'material conflict', color: '#b2182b' }
  };

  /** The sixteen event types with their quad classes, in the order of the taxonomy. */
  var EVENT_TYPES = [
    ['AGREE', 1], ['CONSULT', 1], ['SUPPORT', 1], ['CONCEDE', 1],
    ['COOPERATE', 2], ['AID', 2], ['RETREAT', 2],
    ['REQUEST', 3], ['ACCUSE', 3], ['REJECT', 3], ['THREATEN', 3],
    ['PROTEST', 4], ['SANCTION', 4], ['MOBILIZE', 4], ['COERCE', 4], ['ASSAULT', 4]
  ].map(function (t) { return { type: t[0], quad: t[1] }; });

  var SECTORS = ['TRADE', 'INVESTMENT', 'INDUSTRY', 'AGRICULTURE', 'ENERGY', 'TRANSPORT', 'SPACE', 'SCIENCE_TECH',
    'DEFENSE', 'SECURITY', 'HEALTH', 'EDUCATION', 'CULTURE', 'ENVIRONMENT', 'MIGRATION', 'FINANCE'];

  var PAIR_KEY = /^[A-Z]{3}-[A-Z]{3}$/;
  var COUNTRY = /^[A-Z]{3}$/;
  var ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
  var TOP_CHOICES = [25, 50, 100, 200, 500, 1000];
  var SORTS = ['stories', 'conflict', 'cooperation', 'latest', 'name'];

  var DEFAULTS = { from: '', to: '', country: '', type: '', quad: '', sector: '', top: 100, sort: 'stories', pair: null };

  // ---------------------------------------------------------------- text

  /** Escapes text for HTML (element content and quoted attribute values). */
  function escapeHtml(value) {
    if (value === null || value === undefined) {
      return '';
    }
    return String(value).replace(/[&<>"'`]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }[c];
    });
  }

  /** "CONSULT" -> "Consult", "SCIENCE_TECH" -> "Science tech". */
  function titleCase(word) {
    var s = String(word || '').toLowerCase().replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  /** The two country codes of a pair key, or null for anything else. */
  function splitPair(key) {
    return typeof key === 'string' && PAIR_KEY.test(key) ? key.split('-') : null;
  }

  // ---------------------------------------------------------------- scale

  var GREY = [160, 165, 172];
  var RED = [200, 30, 40];
  var GREEN = [26, 140, 70];

  function clamp(x, lo, hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  function hex(rgb) {
    return '#' + rgb.map(function (c) { return ('0' + Math.round(c).toString(16)).slice(-2); }).join('');
  }

  /**
   * The colour of a cooperation-conflict score in [-10, +10]: red for conflict, grey at 0, green for
   * cooperation. The distance from grey grows with |score|^0.6, so moderate scores (most days score
   * between 1 and 7) are already clearly coloured. Missing or non-numeric scores are grey.
   */
  function scoreColor(score) {
    var s = Number(score);
    if (score === null || score === undefined || !isFinite(s)) {
      return hex(GREY);
    }
    var t = clamp(s / 10, -1, 1);
    var m = Math.pow(Math.abs(t), 0.6);
    var end = t < 0 ? RED : GREEN;
    return hex(GREY.map(function (g, i) { return g + (end[i] - g) * m; }));
  }

  /** "+3.7", "-2.0", "0.0"; an en dash for no score. */
  function formatScore(score) {
    var s = Number(score);
    if (score === null || score === undefined || !isFinite(s)) {
      return '\u2013';
    }
    var r = Math.round(s * 10) / 10;
    return (r > 0 ? '+' : r < 0 ? '\u2212' : '') + Math.abs(r).toFixed(1);
  }

  /** A word for a score, for screen readers and tooltips. */
  function scoreWord(score) {
    var s = Number(score);
    if (!isFinite(s)) {
      return 'no score';
    }
    if (s >= 4) return 'strong cooperation';
    if (s > 0.5) return 'cooperation';
    if (s >= -0.5) return 'neutral';
    if (s > -4) return 'conflict';
    return 'strong conflict';
  }

  /**
   * A node's symbol size from its stories: 14 px for few, up to 56 px for the largest. The largest
   * counts as at least SIZE_FLOOR stories, so a graph of one-story pairs is not drawn at full size.
   */
  var SIZE_FLOOR = 5;

  function nodeSize(stories, maxStories, minPx, maxPx) {
    var max = Math.max(SIZE_FLOOR, maxStories || 1);
    var lo = minPx > 0 ? minPx : 14;
    var hi = maxPx > lo ? maxPx : 56;
    return Math.round(lo + (hi - lo) * Math.sqrt(clamp((stories || 0) / max, 0, 1)));
  }

  /**
   * Node sizes for n nodes in an area of width x height pixels: the largest node about half the
   * space one node has, between 18 and 56 px; the smallest a quarter of that, at least 6 px.
   */
  function nodeSizeRange(n, width, height) {
    var room = Math.sqrt(Math.max(1, width * height) / Math.max(1, n));
    var hi = Math.round(clamp(room * 0.45, 18, 56));
    return [Math.round(clamp(hi * 0.3, 6, 14)), hi];
  }

  /** An edge's width from its stories: 1.5 px to 10 px (the largest counts as at least SIZE_FLOOR). */
  function edgeWidth(stories, maxStories) {
    var max = Math.max(SIZE_FLOOR, maxStories || 1);
    return Math.round((1.5 + 8.5 * Math.sqrt(clamp((stories || 0) / max, 0, 1))) * 10) / 10;
  }

  // ---------------------------------------------------------------- filters and graph

  /** Does the pair pass the filters (country code, event type, quad class, sector)? */
  function matches(pair, filters) {
    var f = filters || {};
    var codes = splitPair(pair && pair.pair);
    if (!codes) {
      return false;
    }
    if (f.country && codes.indexOf(f.country) < 0) {
      return false;
    }
    if (f.type && !((pair.types || {})[f.type] > 0)) {
      return false;
    }
    if (f.quad && !((pair.quads || {})[String(f.quad)] > 0)) {
      return false;
    }
    if (f.sector && !((pair.sectors || {})[f.sector] > 0)) {
      return false;
    }
    return true;
  }

  function filterPairs(pairs, filters) {
    return (pairs || []).filter(function (p) { return matches(p, filters); });
  }

  function byStories(a, b) {
    return (b.stories || 0) - (a.stories || 0) || (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0);
  }

  /** Sorts a copy: stories (most first), conflict (lowest score first), cooperation, latest day, name. */
  function sortPairs(pairs, sort) {
    var list = (pairs || []).slice();
    var name = function (a, b) { return a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0; };
    var cmp = {
      stories: byStories,
      conflict: function (a, b) { return (a.score || 0) - (b.score || 0) || byStories(a, b); },
      cooperation: function (a, b) { return (b.score || 0) - (a.score || 0) || byStories(a, b); },
      latest: function (a, b) {
        var x = a.lastDay || '', y = b.lastDay || '';
        return x < y ? 1 : x > y ? -1 : byStories(a, b);
      },
      name: name
    }[sort] || byStories;
    return list.sort(cmp);
  }

  /**
   * The graph for the pairs that pass the filters: the top N pairs by stories (plus the selected pair
   * if it passes the filters but is not among them) as edges, their countries as nodes. Node size is the
   * country's stories over the shown edges; edge width its stories, colour its score. Only the largest
   * nodes (maxNodeLabels) carry labels, and always the selected pair's; edges carry none (their numbers
   * are in the tooltip and the list). options.width and options.height (the graph's pixels) scale the
   * nodes to their number.
   */
  function buildGraph(pairs, filters, options) {
    var o = options || {};
    var top = o.top > 0 ? o.top : 100;
    var selected = o.selected || null;
    var maxNodeLabels = o.maxNodeLabels === undefined ? 60 : o.maxNodeLabels;
    var matching = filterPairs(pairs, filters).sort(byStories);
    var shown = matching.slice(0, top);
    if (selected && shown.every(function (p) { return p.pair !== selected; })) {
      matching.forEach(function (p) {
        if (p.pair === selected) {
          shown.push(p);
        }
      });
    }
    var maxEdge = shown.reduce(function (m, p) { return Math.max(m, p.stories || 0); }, 1);
    var byCountry = {};
    shown.forEach(function (p) {
      splitPair(p.pair).forEach(function (code) {
        var n = byCountry[code] || (byCountry[code] = { id: code, stories: 0, pairs: 0, scoreSum: 0, scored: 0 });
        n.stories += p.stories || 0;
        n.pairs += 1;
        n.scoreSum += (p.score || 0) * (p.scoredTags || 0);
        n.scored += p.scoredTags || 0;
      });
    });
    var nodes = Object.keys(byCountry).map(function (k) { return byCountry[k]; })
      .sort(function (a, b) { return b.stories - a.stories || (a.id < b.id ? -1 : 1); });
    var maxNode = nodes.reduce(function (m, n) { return Math.max(m, n.stories); }, 1);
    var selectedCodes = splitPair(selected) || [];
    var sizes = nodeSizeRange(nodes.length, o.width || 600, o.height || 500);
    nodes = nodes.map(function (n, i) {
      return {
        id: n.id,
        stories: n.stories,
        pairs: n.pairs,
        score: n.scored ? Math.round(n.scoreSum / n.scored * 100) / 100 : null,
        size: nodeSize(n.stories, maxNode, sizes[0], sizes[1]),
        label: i < maxNodeLabels || selectedCodes.indexOf(n.id) >= 0,
        selected: selectedCodes.indexOf(n.id) >= 0,
        focus: !!(filters && filters.country === n.id)
      };
    });
    var edges = shown.map(function (p) {
      var codes = splitPair(p.pair);
      return {
        id: p.pair,
        source: codes[0],
        target: codes[1],
        stories: p.stories || 0,
        score: p.score,
        width: edgeWidth(p.stories, maxEdge),
        color: scoreColor(p.scoredTags ? p.score : null),
        selected: p.pair === selected
      };
    });
    return { nodes: nodes, edges: edges, matching: matching.length, total: (pairs || []).length };
  }

  /**
   * Positions for the graph's nodes in a width x height box: a force-directed layout (Fruchterman-
   * Reingold with gravity toward the centre, so that separate pairs stay in view, and a collision
   * term from the node sizes). Deterministic: the same graph gives the same layout. Nodes placed in
   * an earlier layout (options.previous: id -> [x, y]) start where they were and the layout starts
   * cool, so a poll that adds a pair does not shuffle the picture. Returns id -> [x, y].
   */
  function layoutGraph(nodes, edges, options) {
    var o = options || {};
    var W = Math.max(100, o.width || 600);
    var H = Math.max(100, o.height || 500);
    var previous = o.previous || {};
    var n = (nodes || []).length;
    var out = {};
    if (!n) {
      return out;
    }
    var index = {};
    var p = [];
    var r = [];
    var k = Math.sqrt(W * H / n) * 0.62;
    var cx = W / 2;
    var cy = H / 2;
    var known = 0;
    nodes.forEach(function (node, i) {
      index[node.id] = i;
      r.push((node.size || 20) / 2);
      var old = previous[node.id];
      if (old && isFinite(old[0]) && isFinite(old[1])) {
        p.push([old[0], old[1]]);
        known++;
      } else {
        p.push(null);
      }
    });
    var links = [];
    (edges || []).forEach(function (e) {
      var a = index[e.source];
      var b = index[e.target];
      if (a !== undefined && b !== undefined && a !== b) links.push([a, b]);
    });
    // new nodes: next to a placed neighbour if they have one, else on a spiral around the centre
    var golden = Math.PI * (3 - Math.sqrt(5));
    for (var pass = 0; pass < 2; pass++) {
      nodes.forEach(function (node, i) {
        if (p[i]) return;
        var anchor = null;
        links.forEach(function (l) {
          if (!anchor && l[0] === i && p[l[1]]) anchor = p[l[1]];
          if (!anchor && l[1] === i && p[l[0]]) anchor = p[l[0]];
        });
        if (anchor) {
          p[i] = [anchor[0] + Math.cos(i * golden) * k * 0.5, anchor[1] + Math.sin(i * golden) * k * 0.5];
        } else if (pass === 1) {
          var rad = k * 0.55 * Math.sqrt(i + 0.5);
          p[i] = [cx + Math.cos(i * golden) * rad, cy + Math.sin(i * golden) * rad];
        }
      });
    }
    var warm = known < n * 0.8;
    var iterations = o.iterations || Math.round(clamp(6e6 / (n * n + 1), 40, warm ? 300 : 120));
    var t = warm ? Math.min(W, H) / 6 : k * 0.25;
    var cool = Math.pow(0.02, 1 / iterations);
    // gravity that balances the repulsion of the nodes at about 45% of the box's mean side from the
    // centre: with k^2 = 0.3844 W H / n, that is 0.3844 / 0.45^2, whatever n, W and H
    var gravity = (o.gravity || 1) * 0.3844 / (0.45 * 0.45);
    var dx = new Float64Array(n);
    var dy = new Float64Array(n);
    for (var it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var x = p[i][0] - p[j][0];
          var y = p[i][1] - p[j][1];
          var d2 = x * x + y * y;
          if (d2 < 0.01) {
            x = ((i * 7 + j * 13) % 11 - 5) / 10 + 0.05;
            y = ((i * 11 + j * 7) % 13 - 6) / 10 + 0.05;
            d2 = x * x + y * y;
          }
          var d = Math.sqrt(d2);
          var f = k * k / d;
          var gap = r[i] + r[j] + 8;
          if (d < gap) f += (gap - d) * 4;
          dx[i] += x / d * f; dy[i] += y / d * f;
          dx[j] -= x / d * f; dy[j] -= y / d * f;
        }
      }
      for (var l = 0; l < links.length; l++) {
        var a = links[l][0];
        var b = links[l][1];
        var lx = p[a][0] - p[b][0];
        var ly = p[a][1] - p[b][1];
        var ld = Math.sqrt(lx * lx + ly * ly) || 0.01;
        var rest = r[a] + r[b];
        var fa = Math.max(0, ld - rest) * Math.max(0, ld - rest) / k;
        dx[a] -= lx / ld * fa; dy[a] -= ly / ld * fa;
        dx[b] += lx / ld * fa; dy[b] += ly / ld * fa;
      }
      for (var m = 0; m < n; m++) {
        dx[m] += (cx - p[m][0]) * gravity;
        dy[m] += (cy - p[m][1]) * gravity;
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]);
        if (len > 0) {
          var step = Math.min(len, t);
          p[m][0] += dx[m] / len * step;
          p[m][1] += dy[m] / len * step;
        }
      }
      t *= cool;
    }
    // the layout is round; widen (never narrow, so nothing overlaps) its shorter side toward the box's shape
    if (n > 2) {
      var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      p.forEach(function (q) {
        minX = Math.min(minX, q[0]); maxX = Math.max(maxX, q[0]);
        minY = Math.min(minY, q[1]); maxY = Math.max(maxY, q[1]);
      });
      var ax = W / Math.max(1, maxX - minX);
      var ay = H / Math.max(1, maxY - minY);
      var sx = ax > ay ? Math.min(1.6, ax / ay) : 1;
      var sy = ay > ax ? Math.min(1.6, ay / ax) : 1;
      var mx = (minX + maxX) / 2;
      var my = (minY + maxY) / 2;
      p.forEach(function (q) {
        q[0] = cx + (q[0] - mx) * sx;
        q[1] = cy + (q[1] - my) * sy;
      });
    }
    nodes.forEach(function (node, i) {
      out[node.id] = [Math.round(p[i][0] * 10) / 10, Math.round(p[i][1] * 10) / 10];
    });
    return out;
  }

  /**
   * Where to draw a layout in a box (ECharts' view fits the nodes' bounding box into the series'
   * rectangle, scaling x and y apart): the rectangle of the nodes' aspect, as large as fits, centred in
   * the box and offset by the margins, so that circles stay circles.
   */
  function fitRect(positions, box, margin) {
    var m = margin || { left: 0, top: 0 };
    var xs = [];
    var ys = [];
    Object.keys(positions || {}).forEach(function (k) {
      xs.push(positions[k][0]);
      ys.push(positions[k][1]);
    });
    var bw = xs.length ? Math.max.apply(null, xs) - Math.min.apply(null, xs) : 0;
    var bh = ys.length ? Math.max.apply(null, ys) - Math.min.apply(null, ys) : 0;
    // ECharts widens a flat box by 1 on each side
    bw = bw === 0 ? 2 : bw;
    bh = bh === 0 ? 2 : bh;
    var s = Math.min(box.width / bw, box.height / bh);
    var width = Math.max(1, Math.round(bw * s));
    var height = Math.max(1, Math.round(bh * s));
    return {
      left: Math.round((m.left || 0) + (box.width - width) / 2),
      top: Math.round((m.top || 0) + (box.height - height) / 2),
      width: width,
      height: height
    };
  }

  /** Country codes in the pair list with their stories, most first, for the country filter. */
  function countries(pairs) {
    var totals = {};
    (pairs || []).forEach(function (p) {
      (splitPair(p.pair) || []).forEach(function (c) {
        totals[c] = (totals[c] || 0) + (p.stories || 0);
      });
    });
    return Object.keys(totals).sort().map(function (c) { return { code: c, stories: totals[c] }; });
  }

  // ---------------------------------------------------------------- polling

  /**
   * Merges a newly polled pair list into the previous one (a map from pair key to its JSON): which
   * pairs are new, changed or gone. A poll that changes nothing leaves `changed` false, so the page
   * does not redraw (and the force layout does not move) for nothing.
   */
  function mergePairs(previous, next) {
    var before = previous || {};
    var after = {};
    var added = [];
    var updated = [];
    (next || []).forEach(function (p) {
      if (!p || !splitPair(p.pair)) {
        return;
      }
      var json = JSON.stringify(p);
      after[p.pair] = json;
      if (!(p.pair in before)) {
        added.push(p.pair);
      } else if (before[p.pair] !== json) {
        updated.push(p.pair);
      }
    });
    var removed = Object.keys(before).filter(function (k) { return !(k in after); });
    return {
      signatures: after,
      added: added,
      updated: updated,
      removed: removed,
      changed: added.length + updated.length + removed.length > 0
    };
  }

  // ---------------------------------------------------------------- timeline

  /**
   * A pair's days as chart series: per day, the stories split over the quad classes in proportion to
   * the day's tags of each class (so a bar's height is the day's stories and its colours the mix of
   * what happened), stories without a counted tag as "unscored", and the day's score (null when no tag
   * was scored). Days are sorted; duplicates of a day are summed.
   */
  function timeline(days) {
    var byDay = {};
    (days || []).forEach(function (d) {
      if (!d || !ISO_DAY.test(d.day || '')) {
        return;
      }
      var t = byDay[d.day] || (byDay[d.day] = { day: d.day, stories: 0, duplicates: 0, quads: {}, scoreSum: 0, scored: 0, sources: [] });
      t.stories += d.stories || 0;
      t.duplicates += d.duplicates || 0;
      Object.keys(d.quads || {}).forEach(function (q) {
        t.quads[q] = (t.quads[q] || 0) + (d.quads[q] || 0);
      });
      t.scoreSum += (d.score || 0) * (d.scoredTags || 0);
      t.scored += d.scoredTags || 0;
      (d.sources || []).forEach(function (s) {
        if (t.sources.indexOf(s) < 0) {
          t.sources.push(s);
        }
      });
    });
    var list = Object.keys(byDay).sort().map(function (k) { return byDay[k]; });
    var series = { 1: [], 2: [], 3: [], 4: [] };
    var unscored = [];
    var score = [];
    list.forEach(function (t) {
      var tags = [1, 2, 3, 4].reduce(function (s, q) { return s + (t.quads[q] || 0); }, 0);
      [1, 2, 3, 4].forEach(function (q) {
        var v = tags ? Math.round(t.stories * (t.quads[q] || 0) / tags * 1000) / 1000 : 0;
        series[q].push([t.day, v]);
      });
      unscored.push([t.day, tags ? 0 : t.stories]);
      t.score = t.scored ? Math.round(t.scoreSum / t.scored * 100) / 100 : null;
      score.push([t.day, t.score]);
    });
    return { days: list, quads: series, unscored: unscored, score: score };
  }

  // ---------------------------------------------------------------- evidence

  /**
   * Where an evidence span is in the text: its offsets when they hold its text, else the first place
   * the text occurs, else the offsets if they are at least inside the text; null when none works.
   */
  function locate(text, evidence) {
    var len = typeof text === 'string' ? text.length : 0;
    var s = evidence && evidence.start;
    var e = evidence && evidence.end;
    var valid = Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= len;
    var quote = evidence && typeof evidence.text === 'string' ? evidence.text : '';
    if (valid && (!quote || text.slice(s, e) === quote)) {
      return { start: s, end: e };
    }
    if (quote && len) {
      var at = text.indexOf(quote);
      if (at >= 0) {
        return { start: at, end: at + quote.length };
      }
    }
    return valid ? { start: s, end: e } : null;
  }

  /** The tag's label for marks and chips: "COOPERATE (planned)". */
  function tagLabel(tag) {
    var label = String(tag && tag.type || 'TAG');
    return tag && tag.modality && tag.modality !== 'occurred' ? label + ' (' + tag.modality + ')' : label;
  }

  /** Highlight ranges for a relation's tags in the story text: {start, end, label, quad}. */
  function evidenceRanges(relation, text) {
    var out = [];
    ((relation && relation.tags) || []).forEach(function (tag) {
      (tag.evidence || []).forEach(function (ev) {
        var at = locate(text, ev);
        if (at) {
          out.push({ start: at.start, end: at.end, label: tagLabel(tag), quad: tag.quad });
        }
      });
    });
    return out;
  }

  /**
   * Cuts the text into consecutive segments, plain or marked, from (possibly overlapping) ranges:
   * [{text, mark, labels, quads}]. Joining the segments' texts gives back the text. Ranges outside the
   * text are clipped or ignored.
   */
  function highlightSegments(text, ranges) {
    var s = typeof text === 'string' ? text : '';
    var len = s.length;
    var valid = (ranges || []).map(function (r) {
      return { start: clamp(Math.floor(Number(r.start)), 0, len), end: clamp(Math.floor(Number(r.end)), 0, len), label: r.label, quad: r.quad };
    }).filter(function (r) { return isFinite(r.start) && isFinite(r.end) && r.start < r.end; });
    var cuts = [0, len];
    valid.forEach(function (r) { cuts.push(r.start, r.end); });
    cuts = cuts.filter(function (c, i, a) { return a.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var segments = [];
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i];
      var to = cuts[i + 1];
      var labels = [];
      var quads = [];
      valid.forEach(function (r) {
        if (r.start <= from && r.end >= to) {
          if (r.label !== undefined && labels.indexOf(r.label) < 0) labels.push(r.label);
          if (r.quad !== undefined && quads.indexOf(r.quad) < 0) quads.push(r.quad);
        }
      });
      var mark = valid.some(function (r) { return r.start <= from && r.end >= to; });
      var last = segments[segments.length - 1];
      if (last && last.mark === mark && last.labels.join('\n') === labels.join('\n') && last.quads.join() === quads.join()) {
        last.text += s.slice(from, to);
      } else {
        segments.push({ text: s.slice(from, to), mark: mark, labels: labels, quads: quads });
      }
    }
    if (!segments.length) {
      segments.push({ text: s, mark: false, labels: [], quads: [] });
    }
    return segments;
  }

  /** Story ids of a pair's days, latest day first, each day's latest first, without repeats. */
  function latestStoryIds(days, limit) {
    var ids = [];
    (days || []).slice().sort(function (a, b) {
      return (a.day || '') < (b.day || '') ? 1 : (a.day || '') > (b.day || '') ? -1 : 0;
    }).forEach(function (d) {
      (d.latestStories || []).forEach(function (id) {
        if (typeof id === 'string' && id && ids.indexOf(id) < 0) ids.push(id);
      });
    });
    return limit > 0 ? ids.slice(0, limit) : ids;
  }

  /**
   * A relation record built from an enriched story for one pair (when the pair's story list no
   * longer holds it): the story's tags and sectors for the pair, and as actors the story's entities
   * that belong to either country. Null when the story does not report the pair.
   */
  function relationFromStory(story, pairKey) {
    var codes = splitPair(pairKey);
    if (!story || !codes) {
      return null;
    }
    var rel = ((story.pairs) || []).filter(function (p) { return p && p.pair === pairKey; })[0];
    if (!rel) {
      return null;
    }
    var actors = {};
    codes.forEach(function (c) { actors[c] = []; });
    (story.entities || []).forEach(function (e) {
      var code = e && (e.type === 'COUNTRY' ? e.code : (e.type === 'PERSON' || e.type === 'ORG') ? e.country : null);
      if (code && actors[code]) actors[code].push(e);
    });
    return {
      pair: pairKey,
      storyId: story.id,
      published: story.published,
      headline: story.headline,
      agency: story.agency,
      tags: rel.tags || [],
      sectors: rel.sectors || [],
      actors: actors,
      sources: story.source ? [story.source] : []
    };
  }

  /** "BLR \u2192 KAZ" for a tag's direction, or null. */
  function directionText(direction) {
    if (!direction || !COUNTRY.test(direction.source || '') || !COUNTRY.test(direction.target || '')) {
      return null;
    }
    return direction.source + ' \u2192 ' + direction.target;
  }

  /** Country names from a relation's actors (COUNTRY entities carry code and name), added to names. */
  function learnNames(names, relation) {
    var actors = (relation && relation.actors) || {};
    Object.keys(actors).forEach(function (code) {
      (actors[code] || []).forEach(function (e) {
        if (e && e.type === 'COUNTRY' && e.code === code && e.name && !names[code]) {
          names[code] = String(e.name);
        }
      });
    });
    return names;
  }

  // ---------------------------------------------------------------- page state in the URL

  function validDay(v) {
    if (!ISO_DAY.test(v || '')) {
      return false;
    }
    var d = new Date(v + 'T00:00:00Z');
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }

  /** The page state from a location hash ("#pair=BLR-KAZ&from=2016-11-01&quad=1"); invalid values drop. */
  function parseState(hash) {
    var state = {};
    Object.keys(DEFAULTS).forEach(function (k) { state[k] = DEFAULTS[k]; });
    String(hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 1) {
        return;
      }
      var key = part.slice(0, eq);
      var value;
      try {
        value = decodeURIComponent(part.slice(eq + 1));
      } catch (e) {
        return;
      }
      if ((key === 'from' || key === 'to') && validDay(value)) state[key] = value;
      else if (key === 'country' && COUNTRY.test(value)) state.country = value;
      else if (key === 'pair' && PAIR_KEY.test(value)) state.pair = value;
      else if (key === 'type' && EVENT_TYPES.some(function (t) { return t.type === value; })) state.type = value;
      else if (key === 'quad' && /^[1-4]$/.test(value)) state.quad = value;
      else if (key === 'sector' && SECTORS.indexOf(value) >= 0) state.sector = value;
      else if (key === 'top' && TOP_CHOICES.indexOf(Number(value)) >= 0) state.top = Number(value);
      else if (key === 'sort' && SORTS.indexOf(value) >= 0) state.sort = value;
    });
    if (state.from && state.to && state.from > state.to) {
      state.to = '';
    }
    return state;
  }

  /** The hash for a state: only what differs from the defaults, in a fixed order. */
  function formatState(state) {
    var parts = [];
    ['pair', 'from', 'to', 'country', 'type', 'quad', 'sector', 'top', 'sort'].forEach(function (k) {
      var v = state ? state[k] : undefined;
      if (v !== undefined && v !== null && v !== '' && v !== DEFAULTS[k]) {
        parts.push(k + '=' + encodeURIComponent(String(v)));
      }
    });
    return parts.length ? '#' + parts.join('&') : '';
  }

  /** The query string for the API's period: "?from=...&to=..." or "". */
  function periodQuery(state) {
    var q = [];
    if (state && validDay(state.from)) q.push('from=' + state.from);
    if (state && validDay(state.to)) q.push('to=' + state.to);
    return q.length ? '?' + q.join('&') : '';
  }

  var api = {
    QUADS: QUADS,
    EVENT_TYPES: EVENT_TYPES,
    SECTORS: SECTORS,
    TOP_CHOICES: TOP_CHOICES,
    SORTS: SORTS,
    DEFAULTS: DEFAULTS,
    escapeHtml: escapeHtml,
    titleCase: titleCase,
    splitPair: splitPair,
    scoreColor: scoreColor,
    formatScore: formatScore,
    scoreWord: scoreWord,
    nodeSize: nodeSize,
    nodeSizeRange: nodeSizeRange,
    edgeWidth: edgeWidth,
    matches: matches,
    filterPairs: filterPairs,
    sortPairs: sortPairs,
    buildGraph: buildGraph,
    layoutGraph: layoutGraph,
    fitRect: fitRect,
    countries: countries,
    mergePairs: mergePairs,
    timeline: timeline,
    locate: locate,
    tagLabel: tagLabel,
    evidenceRanges: evidenceRanges,
    highlightSegments: highlightSegments,
    directionText: directionText,
    latestStoryIds: latestStoryIds,
    relationFromStory: relationFromStory,
    learnNames: learnNames,
    validDay: validDay,
    parseState: parseState,
    formatState: formatState,
    periodQuery: periodQuery
  };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else {
    root.DyadModel = api;
  }
}(typeof window !== 'undefined' ? window : this));
