/*
 * dyadstream dashboard: polls the query API, draws the network (ECharts graph) and the selected pair's
 * timeline, lists the pairs and shows the latest stories with their evidence highlighted. Every value
 * from the API reaches the page through textContent, attributes or escapeHtml (chart tooltips); the page
 * never parses API data as HTML.
 */
(function () {
  'use strict';

  var M = window.DyadModel;
  var POLL_MS = 3000;
  var STORY_LIMIT = 10;
  var FRESH_MS = 4000;

  var state = M.parseState(window.location.hash);
  var view = {
    pairs: [],            // the last pair list (period applied by the API)
    signatures: {},       // pair key -> JSON, to see what changed
    loaded: false,
    graphKeys: [],        // pairs drawn as edges
    graphSignature: '',
    positions: {},        // country code -> [x, y] of the last layout
    listSignature: '',
    countriesSignature: '',
    fresh: {},            // pair key -> time until which its row is marked as updated
    names: {},            // country code -> name, learnt from the stories' actors
    detailKey: null,
    daysJson: '',
    storiesJson: '',
    texts: {},            // story id -> {story} | {promise} | {error, status: 404}
    currentStories: [],
    timer: null,
    polling: false,
    again: false
  };

  var $ = function (id) { return document.getElementById(id); };
  var graphEl = $('graph');
  var timelineEl = $('timeline');
  var graph = window.echarts.init(graphEl, null, { renderer: 'canvas' });
  var chart = window.echarts.init(timelineEl, null, { renderer: 'canvas' });

  // ------------------------------------------------------------------ helpers

  /** An element with properties and children; text only ever through textContent. */
  function el(tag, props, children) {
    var e = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      var v = props[k];
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'text') e.textContent = String(v);
      else if (k === 'class') e.className = v;
      else if (k === 'style') Object.keys(v).forEach(function (s) { e.style.setProperty(s, v[s]); });
      else e.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    });
    return e;
  }

  function pairLabel(key) {
    var c = M.splitPair(key);
    return c ? c[0] + ' \u2013 ' + c[1] : String(key);
  }

  function countryName(code) {
    return view.names[code] || '';
  }

  function fetchJson(path) {
    var ctrl = new AbortController();
    var t = setTimeout(function () { ctrl.abort(); }, 10000);
    return fetch(path, { cache: 'no-store', signal: ctrl.signal, headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.text().then(function (body) {
          var json = null;
          try {
            json = body ? JSON.parse(body) : null;
          } catch (e) {
            json = null;
          }
          if (!r.ok) {
            var err = new Error((json && json.error) || ('HTTP ' + r.status));
            err.status = r.status;
            throw err;
          }
          return json;
        });
      })
      .finally(function () { clearTimeout(t); });
  }

  function setStatus(kind, text) {
    $('status').className = 'status ' + kind;
    $('status-text').textContent = text;
  }

  function clock() {
    return new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function saveState() {
    var hash = M.formatState(state);
    if (hash !== window.location.hash && !(hash === '' && window.location.hash === '')) {
      window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    }
  }

  // ------------------------------------------------------------------ controls

  function fillControls() {
    var type = $('type');
    [1, 2, 3, 4].forEach(function (q) {
      var group = el('optgroup', { label: q + ' \u00b7 ' + M.QUADS[q].label });
      M.EVENT_TYPES.filter(function (t) { return t.quad === q; }).forEach(function (t) {
        group.appendChild(el('option', { value: t.type, text: M.titleCase(t.type) }));
      });
      type.appendChild(group);
    });
    [1, 2, 3, 4].forEach(function (q) {
      $('quad').appendChild(el('option', { value: String(q), text: q + ' \u00b7 ' + M.QUADS[q].label }));
    });
    M.SECTORS.forEach(function (s) {
      $('sector').appendChild(el('option', { value: s, text: M.titleCase(s) }));
    });
    M.TOP_CHOICES.forEach(function (n) {
      $('top').appendChild(el('option', { value: String(n), text: 'top ' + n + ' pairs' }));
    });
    var bar = $('scale-bar');
    var stops = [-10, -7, -4, -2, 0, 2, 4, 7, 10].map(function (s) {
      return M.scoreColor(s) + ' ' + ((s + 10) * 5) + '%';
    });
    bar.style.background = 'linear-gradient(to right, ' + stops.join(', ') + ')';
  }

  function showState() {
    $('from').value = state.from;
    $('to').value = state.to;
    ensureOption($('country'), state.country);
    $('country').value = state.country;
    $('type').value = state.type;
    $('quad').value = state.quad;
    $('sector').value = state.sector;
    $('top').value = String(state.top);
    $('sort').value = state.sort;
  }

  function ensureOption(select, value) {
    if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.appendChild(el('option', { value: value, text: value }));
    }
  }

  function periodValid() {
    var ok = !(state.from && state.to && state.from > state.to);
    $('to').setCustomValidity(ok ? '' : "'To' is before 'From'");
    $('to').setAttribute('aria-invalid', ok ? 'false' : 'true');
    return ok;
  }

  function bindControls() {
    ['from', 'to'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        var v = $(id).value;
        state[id] = M.validDay(v) ? v : '';
        saveState();
        if (periodValid()) {
          refreshNow(true);
        }
      });
    });
    ['country', 'type', 'quad', 'sector', 'sort'].forEach(function (id) {
      $(id).addEventListener('change', function () {
        state[id] = $(id).value;
        saveState();
        render();
      });
    });
    $('top').addEventListener('change', function () {
      state.top = Number($('top').value) || M.DEFAULTS.top;
      saveState();
      render();
    });
    $('reset').addEventListener('click', function () {
      var pair = state.pair;
      state = M.parseState('');
      state.pair = pair;
      showState();
      periodValid();
      saveState();
      refreshNow(true);
    });
    $('filters').addEventListener('submit', function (e) { e.preventDefault(); });
    $('close-detail').addEventListener('click', function () { select(null); });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && state.pair && !/^(INPUT|SELECT)$/.test(e.target.tagName)) {
        var key = state.pair;
        select(null);
        focusRow(key);
      }
    });
    window.addEventListener('hashchange', function () {
      var next = M.parseState(window.location.hash);
      var periodChanged = next.from !== state.from || next.to !== state.to;
      var pair = next.pair;
      next.pair = state.pair;
      state = next;
      showState();
      periodValid();
      var pairChanged = pair !== state.pair;
      if (pairChanged) {
        select(pair);
      }
      if (periodChanged) {
        refreshNow(true);
      } else if (!pairChanged) {
        render();
      }
    });
    graph.on('click', function (p) {
      if (p.dataType === 'edge' && p.data && p.data.pair) {
        select(p.data.pair);
      } else if (p.dataType === 'node' && p.data) {
        state.country = state.country === p.data.id ? '' : p.data.id;
        ensureOption($('country'), state.country);
        $('country').value = state.country;
        saveState();
        render();
      }
    });
    // a new size: resize the charts, and fit the network's layout to its new box
    var pending = null;
    var size = '';
    var resize = function () {
      var now = graphEl.clientWidth + 'x' + graphEl.clientHeight;
      graph.resize();
      chart.resize();
      if (now !== size) {
        size = now;
        clearTimeout(pending);
        pending = setTimeout(function () {
          view.graphSignature = '';
          renderGraph();
        }, 120);
      }
    };
    window.addEventListener('resize', resize);
    if (window.ResizeObserver) {
      new window.ResizeObserver(resize).observe(graphEl);
      new window.ResizeObserver(function () { chart.resize(); }).observe(timelineEl);
    }
  }

  // ------------------------------------------------------------------ polling

  function schedule() {
    clearTimeout(view.timer);
    view.timer = setTimeout(poll, POLL_MS);
  }

  function refreshNow(periodChanged) {
    if (periodChanged) {
      view.daysJson = '';
    }
    clearTimeout(view.timer);
    poll();
  }

  function poll() {
    if (view.polling) {
      view.again = true; // poll again as soon as this one is done (the period or the pair changed)
      return;
    }
    view.polling = true;
    var done = function () {
      view.polling = false;
      if (view.again) {
        view.again = false;
        clearTimeout(view.timer);
        poll();
      } else {
        schedule();
      }
    };
    if (!periodValid()) {
      setStatus('warn', "Check the period: 'To' is before 'From'");
      done();
      return;
    }
    Promise.all([pollPairs(), pollPair()]).then(done, done);
  }

  function pollPairs() {
    var period = M.periodQuery(state);
    return fetchJson('/api/pairs' + period).then(function (json) {
      if (period !== M.periodQuery(state)) {
        return; // answered for a period no longer chosen
      }
      var pairs = (json && Array.isArray(json.pairs)) ? json.pairs : [];
      var merged = M.mergePairs(view.signatures, pairs);
      var now = Date.now();
      if (view.loaded) {
        merged.added.concat(merged.updated).forEach(function (k) { view.fresh[k] = now + FRESH_MS; });
      }
      view.signatures = merged.signatures;
      var first = !view.loaded;
      view.loaded = true;
      view.pairs = pairs;
      var stories = pairs.reduce(function (s, p) { return s + (p.stories || 0); }, 0);
      setStatus('ok', 'Live \u00b7 ' + pairs.length + ' pairs, ' + stories + ' stories \u00b7 updated ' + clock());
      if (merged.changed || first || view.listSignature === '') {
        render();
      } else {
        expireFresh();
      }
    }, function (err) {
      if (err.status === 503) {
        setStatus('warn', 'The app is starting \u2014 retrying');
      } else if (err.status === 400) {
        setStatus('warn', err.message);
      } else {
        setStatus('error', 'No connection to the app \u2014 retrying (' + err.message + ')');
      }
      if (!view.loaded) {
        showEmptyList(err.status === 503 ? 'The app is starting\u2026' : 'Waiting for the app\u2026');
      }
    });
  }

  function pollPair() {
    var key = state.pair;
    if (!key) {
      return Promise.resolve();
    }
    var enc = encodeURIComponent(key);
    var period = M.periodQuery(state);
    var days = fetchJson('/api/pairs/' + enc + period).then(function (json) {
      var list = json && Array.isArray(json.days) ? json.days : [];
      if (state.pair === key && period === M.periodQuery(state)) {
        var text = JSON.stringify(list);
        if (text !== view.daysJson || view.detailKey !== key) {
          view.daysJson = text;
          renderTimeline(list);
        }
      }
      return list;
    }, function (err) {
      if (state.pair === key) showTimelineMessage('The timeline is not available: ' + err.message);
      return null;
    });
    var stories = fetchJson('/api/pairs/' + enc + '/stories?limit=' + STORY_LIMIT).then(function (json) {
      return json && Array.isArray(json.stories) ? json.stories : [];
    }, function (err) {
      if (state.pair === key && !view.storiesJson) {
        $('stories').replaceChildren(el('li', { class: 'empty', text: 'The stories are not available: ' + err.message }));
      }
      return null;
    });
    return Promise.all([days, stories]).then(function (r) {
      var dayList = r[0];
      var list = r[1];
      if (state.pair !== key || !list) {
        return null;
      }
      if (list.length || !dayList || !dayList.length) {
        return showStories(key, list);
      }
      // the pair's story list is empty (its stories are older than the store keeps, by stream time):
      // the stories the days name may still be kept by id
      return Promise.all(M.latestStoryIds(dayList, STORY_LIMIT).map(function (id) {
        return storyPromise(id).then(function (story) { return M.relationFromStory(story, key); }, function () { return null; });
      })).then(function (rels) {
        if (state.pair === key) showStories(key, rels.filter(Boolean));
      });
    });
  }

  function showStories(key, list) {
    var text = JSON.stringify(list);
    if (text === view.storiesJson) {
      return;
    }
    view.storiesJson = text;
    view.currentStories = list;
    list.forEach(function (r) { M.learnNames(view.names, r); });
    renderStories(list);
    renderDetailHead();
    renderCountries();
  }

  /** The enriched story by id, from the cache or the API; a story that is not kept (404) is remembered. */
  function storyPromise(id) {
    var c = view.texts[id];
    if (c && c.story) return Promise.resolve(c.story);
    if (c && c.status === 404) return Promise.reject(new Error(c.error));
    if (c && c.promise) return c.promise;
    if (Object.keys(view.texts).length > 300) {
      view.texts = {};
    }
    var p = fetchJson('/api/stories/' + encodeURIComponent(id)).then(function (story) {
      view.texts[id] = { story: story };
      return story;
    }, function (err) {
      if (err.status === 404) {
        view.texts[id] = { error: err.message, status: 404 };
      } else {
        delete view.texts[id]; // try again on the next poll
      }
      throw err;
    });
    view.texts[id] = { promise: p };
    return p;
  }

  // ------------------------------------------------------------------ rendering

  function render() {
    renderCountries();
    renderGraph();
    renderList();
    renderDetailHead();
    expireFresh();
  }

  function expireFresh() {
    var now = Date.now();
    Object.keys(view.fresh).forEach(function (k) {
      if (view.fresh[k] < now) {
        delete view.fresh[k];
        var b = rowButton(k);
        if (b) b.classList.remove('fresh');
      }
    });
  }

  function renderCountries() {
    var list = M.countries(view.pairs);
    var sig = JSON.stringify(list) + JSON.stringify(view.names);
    if (sig === view.countriesSignature) {
      return;
    }
    view.countriesSignature = sig;
    var select = $('country');
    var options = [el('option', { value: '', text: 'All countries' })];
    list.forEach(function (c) {
      var name = countryName(c.code);
      options.push(el('option', { value: c.code, text: c.code + (name ? ' \u00b7 ' + name : '') + ' (' + c.stories + ')' }));
    });
    select.replaceChildren.apply(select, options);
    ensureOption(select, state.country);
    select.value = state.country;
  }

  function renderGraph() {
    var g = M.buildGraph(view.pairs, state, {
      top: state.top, selected: state.pair, width: graphEl.clientWidth, height: graphEl.clientHeight
    });
    view.graphKeys = g.edges.map(function (e) { return e.id; });
    var caption = g.edges.length < g.matching
      ? 'top ' + g.edges.length + ' of ' + g.matching + ' pairs by stories; the rest are in the list'
      : g.matching + (g.matching === 1 ? ' pair' : ' pairs') + ', ' + g.nodes.length + ' countries';
    if (g.matching < g.total) {
      caption += ' \u00b7 filtered from ' + g.total;
    }
    $('graph-caption').textContent = view.loaded ? caption : '';
    graphEl.setAttribute('aria-label', 'Network of ' + g.edges.length + ' country pairs between ' + g.nodes.length
      + ' countries; the same pairs are in the list');
    var sig = JSON.stringify(g);
    if (sig === view.graphSignature) {
      return;
    }
    view.graphSignature = sig;
    var anySelected = g.edges.some(function (e) { return e.selected; });
    var box = graphBox();
    var positions = M.layoutGraph(g.nodes, g.edges, { width: box.width, height: box.height, previous: view.positions });
    view.positions = positions;
    var rect = M.fitRect(positions, box, GRAPH_MARGIN);
    var byPair = {};
    view.pairs.forEach(function (p) { byPair[p.pair] = p; });
    graph.setOption({
      animationDurationUpdate: 400,
      tooltip: {
        trigger: 'item',
        confine: true,
        backgroundColor: '#0f172a',
        borderWidth: 0,
        textStyle: { color: '#f8fafc', fontSize: 12 },
        extraCssText: 'box-shadow: 0 6px 18px rgba(15,23,42,.25); border-radius: 6px;',
        formatter: function (p) {
          return p.dataType === 'edge' ? edgeTooltip(byPair[p.data.pair]) : nodeTooltip(p.data.info);
        }
      },
      series: [{
        id: 'network',
        type: 'graph',
        layout: 'none',
        left: rect.left,
        top: rect.top,
        width: rect.width,
        height: rect.height,
        roam: true,
        draggable: true,
        cursor: 'pointer',
        scaleLimit: { min: 0.3, max: 4 },
        labelLayout: { hideOverlap: true },
        label: { show: true, position: 'right', fontSize: 11, fontWeight: 600, color: '#1e293b' },
        emphasis: { focus: 'adjacency', scale: false, lineStyle: { opacity: 1 } },
        blur: { itemStyle: { opacity: 0.25 }, lineStyle: { opacity: 0.1 } },
        data: g.nodes.map(function (n) {
          var inside = n.size >= 30;
          return {
            id: n.id,
            name: n.id,
            x: positions[n.id][0],
            y: positions[n.id][1],
            value: n.stories,
            info: n,
            symbolSize: n.size,
            itemStyle: {
              color: n.selected ? '#1e293b' : (n.focus ? '#e0e7ff' : '#ffffff'),
              borderColor: n.selected || n.focus ? '#1e293b' : '#64748b',
              borderWidth: n.selected || n.focus ? 2.5 : 1.5,
              shadowColor: 'rgba(15,23,42,0.18)',
              shadowBlur: 4
            },
            label: {
              show: n.label,
              position: inside ? 'inside' : 'right',
              color: n.selected && inside ? '#ffffff' : '#1e293b'
            }
          };
        }),
        links: g.edges.map(function (e) {
          return {
            source: e.source,
            target: e.target,
            value: e.stories,
            pair: e.id,
            lineStyle: {
              width: e.selected ? e.width + 3 : e.width,
              color: e.color,
              opacity: anySelected && !e.selected ? 0.4 : 0.9,
              shadowColor: e.selected ? 'rgba(15,23,42,0.55)' : 'transparent',
              shadowBlur: e.selected ? 6 : 0
            }
          };
        })
      }]
    });
    graphEl.setAttribute('data-edges', String(g.edges.length));
  }

  var GRAPH_MARGIN = { left: 28, right: 56, top: 24, bottom: 24 };

  /** The box the layout fills: the graph's pixels less the margins (labels sit right of the nodes). */
  function graphBox() {
    return {
      width: Math.max(200, graphEl.clientWidth - GRAPH_MARGIN.left - GRAPH_MARGIN.right),
      height: Math.max(200, graphEl.clientHeight - GRAPH_MARGIN.top - GRAPH_MARGIN.bottom)
    };
  }

  function edgeTooltip(p) {
    if (!p) return '';
    var types = Object.keys(p.types || {}).map(function (t) { return M.escapeHtml(t) + ' ' + Number(p.types[t]); }).join(', ');
    return '<div class="tt-title">' + M.escapeHtml(pairLabel(p.pair)) + '</div>'
      + '<div>' + Number(p.stories) + ' stories' + (p.duplicates ? ' (+' + Number(p.duplicates) + ' republished)' : '') + '</div>'
      + '<div>score <b style="color:' + M.scoreColor(p.scoredTags ? p.score : null) + '">' + M.escapeHtml(M.formatScore(p.scoredTags ? p.score : null))
      + '</b> ' + M.escapeHtml(M.scoreWord(p.score)) + '</div>'
      + (types ? '<div>' + types + '</div>' : '')
      + (p.lastDay ? '<div>last story ' + M.escapeHtml(p.lastDay) + '</div>' : '');
  }

  function nodeTooltip(n) {
    if (!n) return '';
    var name = countryName(n.id);
    return '<div class="tt-title">' + M.escapeHtml(n.id) + (name ? ' \u00b7 ' + M.escapeHtml(name) : '') + '</div>'
      + '<div>' + Number(n.stories) + ' stories in ' + Number(n.pairs) + (n.pairs === 1 ? ' pair' : ' pairs') + '</div>'
      + '<div>mean score ' + M.escapeHtml(M.formatScore(n.score)) + '</div>'
      + '<div class="tt-hint">click to ' + (state.country === n.id ? 'clear the country filter' : 'filter by this country') + '</div>';
  }

  // ---- the list

  function showEmptyList(message) {
    $('pairs-empty').hidden = false;
    $('pairs-empty').textContent = message;
  }

  function rowButton(key) {
    return $('pair-list').querySelector('button[data-pair="' + (M.splitPair(key) ? key : '') + '"]');
  }

  function renderList() {
    var listEl = $('pair-list');
    var matching = M.sortPairs(M.filterPairs(view.pairs, state), state.sort);
    var sig = JSON.stringify([matching, state.pair, Object.keys(view.fresh)]);
    $('pairs-count').textContent = view.loaded ? String(matching.length) : '';
    if (sig === view.listSignature) {
      return;
    }
    view.listSignature = sig;
    if (!view.loaded) {
      return;
    }
    if (!matching.length) {
      showEmptyList(view.pairs.length ? 'No pair matches the filters.' : 'No relations yet: waiting for stories\u2026');
    } else {
      $('pairs-empty').hidden = true;
    }
    var focused = document.activeElement && document.activeElement.getAttribute('data-pair');
    var scroll = listEl.scrollTop;
    var tabbable = matching.some(function (p) { return p.pair === state.pair; }) ? state.pair : (matching[0] && matching[0].pair);
    var items = matching.map(function (p) {
      var scored = p.scoredTags ? p.score : null;
      var types = (p.topTypes || []).map(M.titleCase).join(' \u00b7 ');
      var button = el('button', {
        type: 'button',
        class: 'pair-row' + (view.fresh[p.pair] ? ' fresh' : ''),
        'data-pair': p.pair,
        'aria-pressed': p.pair === state.pair ? 'true' : 'false',
        tabindex: p.pair === tabbable ? '0' : '-1',
        'aria-label': pairLabel(p.pair) + ': ' + p.stories + (p.stories === 1 ? ' story' : ' stories') + ', score '
          + M.formatScore(scored) + ' (' + M.scoreWord(scored) + ')' + (types ? ', ' + types : '')
          + (p.lastDay ? ', last story ' + p.lastDay : '')
      }, [
        el('span', { class: 'swatch', style: { background: M.scoreColor(scored) } }),
        el('span', { class: 'pair-key', text: pairLabel(p.pair) }),
        el('span', { class: 'pair-stories' }, [String(p.stories), el('small', { text: p.stories === 1 ? ' story' : ' stories' })]),
        el('span', { class: 'pair-score', style: { color: M.scoreColor(scored) }, text: M.formatScore(scored) }),
        el('span', { class: 'pair-types', text: types || 'no counted tags' }),
        el('span', { class: 'pair-last', text: p.lastDay || '' })
      ]);
      return el('li', null, [button]);
    });
    listEl.replaceChildren.apply(listEl, items);
    listEl.scrollTop = scroll;
    if (focused) {
      focusRow(focused);
    }
  }

  function focusRow(key) {
    var b = key && rowButton(key);
    if (b) {
      Array.prototype.forEach.call($('pair-list').querySelectorAll('button[tabindex="0"]'), function (o) { o.tabIndex = -1; });
      b.tabIndex = 0;
      b.focus({ preventScroll: false });
    }
  }

  function bindList() {
    var listEl = $('pair-list');
    listEl.addEventListener('click', function (e) {
      var b = e.target.closest('button[data-pair]');
      if (b) {
        select(b.getAttribute('data-pair'));
      }
    });
    listEl.addEventListener('keydown', function (e) {
      var b = e.target.closest('button[data-pair]');
      if (!b) return;
      var buttons = Array.prototype.slice.call(listEl.querySelectorAll('button[data-pair]'));
      var i = buttons.indexOf(b);
      var next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: buttons.length - 1, PageDown: i + 10, PageUp: i - 10 }[e.key];
      if (next !== undefined) {
        e.preventDefault();
        var target = buttons[Math.max(0, Math.min(buttons.length - 1, next))];
        if (target) focusRow(target.getAttribute('data-pair'));
      }
    });
  }

  // ---- the selected pair

  function select(key) {
    if (key !== null && !M.splitPair(key)) {
      return;
    }
    var changed = key !== state.pair;
    state.pair = key;
    saveState();
    Array.prototype.forEach.call($('pair-list').querySelectorAll('button[data-pair]'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-pair') === key ? 'true' : 'false');
    });
    view.listSignature = '';
    if (changed) {
      view.daysJson = '';
      view.storiesJson = '';
      view.currentStories = [];
      view.detailKey = null;
      timelineEl.removeAttribute('data-days');
      chart.clear();
      $('stories').replaceChildren(el('li', { class: 'empty', text: 'Loading the stories\u2026' }));
    }
    render();
    if (key) {
      clearTimeout(view.timer);
      poll();
    }
  }

  function renderDetailHead() {
    var key = state.pair;
    $('detail-empty').hidden = !!key;
    $('detail-body').hidden = !key;
    if (!key) {
      return;
    }
    var codes = M.splitPair(key);
    $('detail-title').textContent = pairLabel(key);
    var names = codes.map(countryName);
    $('detail-names').textContent = names[0] && names[1] ? names[0] + ' and ' + names[1] : '';
    var p = view.pairs.filter(function (x) { return x.pair === key; })[0];
    var stats = $('detail-stats');
    var chips = $('detail-chips');
    if (!p) {
      stats.replaceChildren(el('div', { class: 'stat wide' }, [el('dt', { text: 'In this period' }), el('dd', { text: 'no stories' })]));
      chips.replaceChildren();
      return;
    }
    var scored = p.scoredTags ? p.score : null;
    stats.replaceChildren(
      stat('Stories', String(p.stories), null, p.duplicates ? '+' + p.duplicates + ' republished' : null),
      stat('Mean score', M.formatScore(scored), M.scoreColor(scored), M.scoreWord(scored)),
      stat('Last story', p.lastDay || '\u2013'));
    var chipEls = [];
    Object.keys(p.types || {}).sort(function (a, b) { return p.types[b] - p.types[a] || (a < b ? -1 : 1); }).forEach(function (t) {
      var q = (M.EVENT_TYPES.filter(function (x) { return x.type === t; })[0] || {}).quad;
      chipEls.push(el('span', { class: 'chip quad-' + (q || 0), title: q ? M.QUADS[q].label : '' }, [
        M.titleCase(t), el('b', { text: String(p.types[t]) })]));
    });
    Object.keys(p.sectors || {}).forEach(function (s) {
      chipEls.push(el('span', { class: 'chip sector' }, [M.titleCase(s), el('b', { text: String(p.sectors[s]) })]));
    });
    chips.replaceChildren.apply(chips, chipEls);
  }

  function stat(label, value, color, note) {
    return el('div', { class: 'stat' }, [
      el('dt', { text: label }),
      el('dd', { style: color ? { color: color } : null }, [value, note ? el('small', { text: note }) : null])
    ]);
  }

  function showTimelineMessage(text) {
    chart.clear();
    chart.setOption({ title: { text: text, left: 'center', top: 'middle', textStyle: { fontSize: 12, color: '#64748b', fontWeight: 400 } } });
  }

  function renderTimeline(days) {
    view.detailKey = state.pair;
    var t = M.timeline(days);
    timelineEl.setAttribute('data-days', String(t.days.length));
    if (!t.days.length) {
      showTimelineMessage('No stories in the chosen period');
      return;
    }
    var DAY = 86400000;
    var first = Date.parse(t.days[0].day + 'T00:00:00Z');
    var last = Date.parse(t.days[t.days.length - 1].day + 'T00:00:00Z');
    var pad = Math.max(DAY, Math.round((last - first) * 0.04));
    if (last - first < 6 * DAY) {
      pad = Math.max(pad, (6 * DAY - (last - first)) / 2);
    }
    var byDay = {};
    t.days.forEach(function (d) { byDay[d.day] = d; });
    var bars = [1, 2, 3, 4].map(function (q) {
      return {
        name: M.QUADS[q].short,
        type: 'bar',
        stack: 'stories',
        barMaxWidth: 26,
        barMinWidth: 3,
        itemStyle: { color: M.QUADS[q].color },
        emphasis: { focus: 'series' },
        data: t.quads[q].map(function (d) { return [Date.parse(d[0] + 'T00:00:00Z'), d[1]]; })
      };
    });
    var anyUnscored = t.unscored.some(function (d) { return d[1] > 0; });
    if (anyUnscored) {
      bars.push({
        name: 'no counted tag', type: 'bar', stack: 'stories', barMaxWidth: 26, itemStyle: { color: '#cbd5e1' },
        data: t.unscored.map(function (d) { return [Date.parse(d[0] + 'T00:00:00Z'), d[1]]; })
      });
    }
    var legend = bars.filter(function (b) { return b.data.some(function (d) { return d[1] > 0; }); })
      .map(function (b) { return b.name; }).concat(['score']);
    var maxStories = t.days.reduce(function (m, d) { return Math.max(m, d.stories); }, 1);
    chart.clear();
    chart.setOption({
      animationDuration: 300,
      grid: { left: 30, right: 30, top: 22, bottom: 46 },
      legend: { data: legend, bottom: 0, left: 'center', itemWidth: 10, itemHeight: 10, itemGap: 10, textStyle: { fontSize: 11, color: '#475569' } },
      tooltip: {
        trigger: 'axis',
        confine: true,
        backgroundColor: '#0f172a',
        borderWidth: 0,
        textStyle: { color: '#f8fafc', fontSize: 12 },
        formatter: function (params) {
          var day = new Date(params[0].value[0]).toISOString().slice(0, 10);
          var d = byDay[day];
          if (!d) return M.escapeHtml(day);
          var quads = [1, 2, 3, 4].filter(function (q) { return d.quads[q]; }).map(function (q) {
            return '<span style="color:' + M.QUADS[q].color + '">\u25a0</span> ' + M.escapeHtml(M.QUADS[q].short) + ': ' + Number(d.quads[q]) + ' tags';
          });
          return '<div class="tt-title">' + M.escapeHtml(day) + '</div>'
            + '<div>' + Number(d.stories) + (d.stories === 1 ? ' story' : ' stories')
            + (d.duplicates ? ' (+' + Number(d.duplicates) + ' republished)' : '') + '</div>'
            + quads.map(function (q) { return '<div>' + q + '</div>'; }).join('')
            + '<div>score ' + M.escapeHtml(M.formatScore(d.score)) + '</div>'
            + (d.sources.length ? '<div>sources: ' + M.escapeHtml(d.sources.join(', ')) + '</div>' : '');
        }
      },
      xAxis: {
        type: 'time',
        min: first - pad,
        max: last + pad,
        axisLabel: {
          fontSize: 10, color: '#64748b', hideOverlap: true,
          formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM}', hour: '', minute: '', second: '', millisecond: '', none: '{d} {MMM}' }
        },
        axisLine: { lineStyle: { color: '#cbd5e1' } },
        splitLine: { show: false }
      },
      yAxis: [
        {
          type: 'value', name: 'stories', minInterval: 1, max: maxStories < 4 ? 4 : null,
          nameTextStyle: { fontSize: 10, color: '#64748b', align: 'left' },
          axisLabel: { fontSize: 10, color: '#64748b' },
          splitLine: { lineStyle: { color: '#eef2f7' } }
        },
        {
          type: 'value', name: 'score', min: -10, max: 10, interval: 5,
          nameTextStyle: { fontSize: 10, color: '#64748b', align: 'right' },
          axisLabel: { fontSize: 10, color: '#64748b' },
          splitLine: { show: false }
        }
      ],
      series: bars.concat([{
        name: 'score',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { color: '#0f172a', width: 2 },
        itemStyle: { color: '#0f172a' },
        z: 5,
        data: t.score.map(function (d) { return [Date.parse(d[0] + 'T00:00:00Z'), d[1]]; }),
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#94a3b8', type: 'dashed', width: 1 }, data: [{ yAxis: 0 }] }
      }])
    });
  }

  // ---- stories

  function renderStories(list) {
    var ol = $('stories');
    $('stories-count').textContent = list.length ? '(' + list.length + ')' : '';
    if (!list.length) {
      ol.replaceChildren(el('li', { class: 'empty', text: 'No stories kept for this pair.' }));
      return;
    }
    ol.replaceChildren.apply(ol, list.map(storyItem));
    list.forEach(function (r) { loadText(r.storyId); });
  }

  function storyItem(r) {
    var id = String(r.storyId || '');
    var meta = [r.published, r.agency].filter(Boolean).join(' \u00b7 ');
    var sources = (r.sources || []).filter(function (s) { return s && s !== r.agency; });
    var li = el('li', { class: 'story' + (r.duplicateOf ? ' duplicate' : ''), 'data-story': id }, [
      el('h4', { class: 'headline', text: r.headline || 'Story ' + id }),
      el('p', { class: 'meta' }, [
        meta,
        meta ? ' \u00b7 ' : '',
        el('span', { class: 'story-id', text: id }),
        sources.length ? ' \u00b7 also carried by ' + sources.join(', ') : ''
      ]),
      r.duplicateOf ? el('p', {
        class: 'dup-note',
        text: 'Republished copy of ' + r.duplicateOf + (typeof r.similarity === 'number' ? ' (similarity ' + r.similarity.toFixed(2) + ')' : '') + '; counted once.'
      }) : null,
      el('ul', { class: 'tags', 'aria-label': 'Tags' }, (r.tags || []).map(tagItem)),
      actorsLine(r),
      el('div', { class: 'story-text', tabindex: '0', role: 'region', 'aria-label': 'Text of story ' + id + ', evidence highlighted' }, [
        el('span', { class: 'muted', text: 'Loading the text\u2026' })
      ])
    ]);
    return li;
  }

  function tagItem(tag) {
    var dir = M.directionText(tag.direction);
    var conf = typeof tag.confidence === 'number' ? Math.round(tag.confidence * 100) + '%' : null;
    var q = M.QUADS[tag.quad];
    var sectors = (tag.sectors || []).map(M.titleCase).join(', ');
    var title = (q ? q.label : 'Tag') + (sectors ? ' \u00b7 sectors: ' + sectors : '') + (conf ? ' \u00b7 confidence ' + conf : '');
    return el('li', { class: 'tag quad-' + (q ? tag.quad : 0), title: title }, [
      el('span', { class: 'tag-type', text: String(tag.type || '') }),
      el('span', { class: 'modality modality-' + String(tag.modality || '').replace(/[^a-z]/g, ''), text: String(tag.modality || '') }),
      dir ? el('span', { class: 'direction', title: 'direction', text: dir }) : null,
      conf ? el('span', { class: 'confidence', text: conf }) : null
    ]);
  }

  function actorsLine(r) {
    var actors = r.actors || {};
    var parts = Object.keys(actors).map(function (code) {
      var names = [];
      (actors[code] || []).forEach(function (e) {
        var name = e.name || e.text;
        var label = e.office ? name + ' (' + e.office + ')' : name;
        if (label && names.indexOf(label) < 0) names.push(label);
      });
      return el('span', { class: 'actor' }, [el('b', { text: code }), ' ' + names.join(', ')]);
    });
    return parts.length ? el('p', { class: 'actors' }, [el('span', { class: 'muted', text: 'Actors ' })].concat(parts)) : null;
  }

  function loadText(id) {
    if (!id) return;
    storyPromise(id).then(function (story) { fillText(id, story, null); }, function (err) { fillText(id, null, err.message); });
  }

  function fillText(id, story, error) {
    var list = view.currentStories || [];
    Array.prototype.forEach.call($('stories').querySelectorAll('li.story'), function (li) {
      if (li.getAttribute('data-story') !== id) return;
      var relation = list.filter(function (r) { return r.storyId === id; })[0];
      var box = li.querySelector('.story-text');
      if (story && typeof story.text === 'string') {
        var text = story.text;
        if (!relation || !relation.headline) {
          var h = li.querySelector('.headline');
          var firstLine = (story.headline || text.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '').split(/\n/)[0] || '').trim();
          if (firstLine) h.textContent = firstLine.length > 110 ? firstLine.slice(0, 107) + '\u2026' : firstLine;
        }
        box.replaceChildren.apply(box, segmentsToNodes(M.highlightSegments(text, M.evidenceRanges(relation, text))));
        var mark = box.querySelector('mark');
        if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 24);
      } else if (error) {
        // the story is no longer kept: show the evidence sentences on their own
        var evid = [];
        ((relation && relation.tags) || []).forEach(function (tag) {
          (tag.evidence || []).forEach(function (ev) {
            if (ev.text && evid.every(function (x) { return x.text !== ev.text; })) evid.push({ text: ev.text, tag: tag });
          });
        });
        box.replaceChildren.apply(box, [el('p', { class: 'muted', text: 'The full text is not available (' + error + '); the evidence:' })]
          .concat(evid.map(function (x) {
            return el('p', null, [el('mark', { class: 'ev quad-' + x.tag.quad, title: M.tagLabel(x.tag), text: x.text })]);
          })));
      }
    });
  }

  function segmentsToNodes(segments) {
    return segments.map(function (s) {
      if (!s.mark) {
        return document.createTextNode(s.text);
      }
      return el('mark', { class: 'ev quad-' + (s.quads[0] || 0), title: s.labels.join(', ') }, [s.text]);
    });
  }

  // ------------------------------------------------------------------ start

  window.dyadstream = {
    pairs: function () { return view.graphKeys.slice(); },
    selected: function () { return state.pair || null; }
  };

  fillControls();
  showState();
  bindControls();
  bindList();
  render();
  poll();
}());
