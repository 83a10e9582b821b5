/*
 * govsite search: full-text search of the archive, in the reader's browser, with no server and no network beyond the
 * site's own files. Loaded by search.html only. The index (written by org.govsite.output.search.SearchIndex) is a set
 * of small scripts under search/ that call back into this file, so it works from file:// as over HTTP:
 *   search/index.js        govsiteSearch.index({...})     the shard count, and each report number's year and group
 *   search/shard/<i>.js    govsiteSearch.shard(i, {...})  posting lists of the tokens that hash to shard i
 *   search/doc/<n>.js      govsiteSearch.doc(n, {...})    a report's URL, title, agency, year and text (snippets)
 * Tokens are Han bigrams (a one-character query: the character), and words of Latin letters and digits, after
 * full-width forms are folded to half-width; the same rules as org.govsite.output.search.Tokenizer.
 * Content is only ever inserted as text (textContent), never as HTML.
 */
(function () {
  'use strict';
  var PAGE_SIZE = 20;
  var SNIPPET = 90;
  var MAX_WORD = 32;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var DIGIT = {};
  for (var a = 0; a < ALPHABET.length; a++) {
    DIGIT[ALPHABET.charAt(a)] = a;
  }

  var api = window.govsiteSearch = {};
  var dataRoot = '';
  var pending = {};
  var loads = {};

  /* --- loading the index's scripts --- */

  function settle(path, data) {
    var resolve = pending[path];
    if (resolve) {
      delete pending[path];
      resolve(data);
    }
  }

  api.index = function (data) { settle('index', data); };
  api.shard = function (n, data) { settle('shard/' + n, data); };
  api.doc = function (n, data) { settle('doc/' + n, data); };

  function load(path) {
    if (!loads[path]) {
      loads[path] = new Promise(function (resolve, reject) {
        pending[path] = resolve;
        var script = document.createElement('script');
        script.src = dataRoot + path + '.js';
        script.onload = function () {
          if (pending[path]) {
            delete pending[path];
            reject(new Error('no data in ' + path));
          }
        };
        script.onerror = function () {
          delete pending[path];
          reject(new Error('cannot load ' + path));
        };
        document.head.appendChild(script);
      });
    }
    return loads[path];
  }

  /* --- tokens: the same rules as Tokenizer.java --- */

  function normalize(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
    } else if (c === 0x3000) {
      return 32;
    }
    return c >= 65 && c <= 90 ? c + 32 : c;
  }

  function isHan(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF)
      || c === 0x3007;
  }

  function isWordChar(c) {
    return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  }

  function isDigit(c) {
    return c >= 48 && c <= 57;
  }

  /* The normalised text, one character for one character. */
  function fold(text) {
    var out = new Array(text.length);
    for (var i = 0; i < text.length; i++) {
      out[i] = String.fromCharCode(normalize(text.charCodeAt(i)));
    }
    return out.join('');
  }

  function wordEnd(t, start) {
    var j = start;
    while (j < t.length) {
      var d = t.charCodeAt(j);
      if (isWordChar(d)) {
        j++;
      } else if (d === 46 && j > start && isDigit(t.charCodeAt(j - 1)) && j + 1 < t.length
          && isDigit(t.charCodeAt(j + 1))) {
        j++;
      } else {
        break;
      }
    }
    return j;
  }

  /* A query's runs: {han: true, tokens: [bigrams, or the one character]} or {han: false, tokens: [word]}. */
  function runs(query) {
    var t = fold(query);
    var out = [];
    var i = 0;
    while (i < t.length) {
      var c = t.charCodeAt(i);
      var j;
      if (isHan(c)) {
        j = i;
        while (j < t.length && isHan(t.charCodeAt(j))) {
          j++;
        }
        var tokens = [];
        if (j - i === 1) {
          tokens.push(t.charAt(i));
        } else {
          for (var k = i; k + 1 < j; k++) {
            tokens.push(t.substr(k, 2));
          }
        }
        out.push({ han: true, tokens: tokens });
        i = j;
      } else if (isWordChar(c)) {
        j = wordEnd(t, i);
        if (j - i <= MAX_WORD) {
          out.push({ han: false, tokens: [t.slice(i, j)] });
        }
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  function distinct(rs) {
    var seen = {};
    var out = [];
    rs.forEach(function (r) {
      r.tokens.forEach(function (t) {
        if (!Object.prototype.hasOwnProperty.call(seen, t)) {
          seen[t] = true;
          out.push(t);
        }
      });
    });
    return out;
  }

  /* For tests: the query's tokens, as Tokenizer.queryTokens gives them. */
  api.tokens = function (query) { return distinct(runs(query)); };

  /* --- ranking --- */

  /*
   * A token's shard: FNV-1a over its UTF-16 code units, finished with MurmurHash3's mix, modulo the shard count;
   * the same as SearchIndex.shardOf.
   */
  function shardOf(shards, token) {
    var h = 0x811C9DC5 | 0;
    for (var i = 0; i < token.length; i++) {
      h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85EBCA6B);
    h ^= h >>> 13;
    h = Math.imul(h, 0xC2B2AE35);
    h ^= h >>> 16;
    return (h >>> 0) % shards;
  }

  /* For tests: a token's shard among n, as SearchIndex.shardOf gives it. */
  api.shardOf = function (token, n) { return shardOf(n, token); };

  function isBigram(token) {
    return token.length === 2 && isHan(token.charCodeAt(0)) && isHan(token.charCodeAt(1));
  }

  function rotate(signature, k, bits) {
    k %= bits;
    var mask = bits === 32 ? -1 : (1 << bits) - 1;
    return k === 0 ? signature : ((signature >>> k) | (signature << (bits - k))) & mask;
  }

  /*
   * The reports matching a query, best first: the most query tokens found (a report must have every token of a
   * query of up to three tokens, and three in four of a longer one), then the most runs found as a phrase and the
   * most adjacent bigram pairs in place, then the newest year, then the order of the index.
   */
  function rank(index, query) {
    var rs = runs(query);
    var tokens = distinct(rs);
    if (tokens.length === 0) {
      return Promise.resolve(null);
    }
    var shardNumbers = [];
    tokens.forEach(function (t) {
      var s = shardOf(index.shards, t);
      if (shardNumbers.indexOf(s) < 0) {
        shardNumbers.push(s);
      }
    });
    return Promise.all(shardNumbers.map(function (s) { return load('shard/' + s); })).then(function (shards) {
      var n = index.docs;
      var count = new Uint8Array(n);
      var signatures = {};
      tokens.forEach(function (t) {
        var data = shards[shardNumbers.indexOf(shardOf(index.shards, t))];
        var list = Object.prototype.hasOwnProperty.call(data, t) ? data[t] : '';
        var signed = isBigram(t);
        var sig = signed ? new Int32Array(n) : null;
        var doc = -1;
        var i = 0;
        while (i < list.length) {
          var value = 0;
          var scale = 1;
          var d = DIGIT[list.charAt(i++)];
          while (d >= 32) {
            value += (d - 32) * scale;
            scale *= 32;
            d = DIGIT[list.charAt(i++)];
          }
          doc += value + d * scale;
          count[doc]++;
          if (signed) {
            sig[doc] = (DIGIT[list.charAt(i)] << 18) | (DIGIT[list.charAt(i + 1)] << 12)
              | (DIGIT[list.charAt(i + 2)] << 6) | DIGIT[list.charAt(i + 3)];
            i += 4;
          }
        }
        signatures[t] = sig;
      });
      var need = tokens.length <= 3 ? tokens.length : Math.ceil(tokens.length * 3 / 4);
      var hits = [];
      for (var doc = 0; doc < n; doc++) {
        if (count[doc] >= need) {
          var phrases = 0;
          var pairs = 0;
          rs.forEach(function (r) {
            if (!r.han || r.tokens.length < 2) {
              return;
            }
            var all = -1;
            for (var k = 0; k < r.tokens.length; k++) {
              var s = signatures[r.tokens[k]][doc];
              all &= rotate(s, k, index.bits);
              if (k > 0 && (signatures[r.tokens[k - 1]][doc] & rotate(s, 1, index.bits)) !== 0) {
                pairs++;
              }
            }
            if (all !== 0) {
              phrases++;
            }
          });
          hits.push({ doc: doc, found: count[doc], phrases: phrases, pairs: pairs, year: index.year[doc] });
        }
      }
      hits.sort(function (x, y) {
        return (y.found - x.found) || (y.phrases - x.phrases) || (y.pairs - x.pairs) || (y.year - x.year)
          || (x.doc - y.doc);
      });
      return { runs: rs, hits: hits };
    });
  }

  /* --- the page --- */

  /*
   * Which characters of a text the query covers: those are shown in <mark>. A run of Han characters is marked where
   * it stands whole; only in a text without it are its bigrams marked one by one.
   */
  function covered(text, rs) {
    var t = fold(text);
    var marked = new Uint8Array(t.length);
    rs.forEach(function (r) {
      var tokens = r.tokens;
      if (r.han && tokens.length > 1) {
        var phrase = tokens[0] + tokens.slice(1).map(function (b) { return b.charAt(1); }).join('');
        if (t.indexOf(phrase) >= 0) {
          tokens = [phrase];
        }
      }
      tokens.forEach(function (token) {
        var at = t.indexOf(token);
        while (at >= 0) {
          var end = at + token.length;
          if (r.han || ((at === 0 || !isWordChar(t.charCodeAt(at - 1)))
              && (end === t.length || !isWordChar(t.charCodeAt(end))))) {
            for (var i = at; i < end; i++) {
              marked[i] = 1;
            }
          }
          at = t.indexOf(token, at + 1);
        }
      });
    });
    return marked;
  }

  /* Appends text[from, to) to an element, the covered parts in <mark>. */
  function highlight(element, text, marked, from, to) {
    var i = from;
    while (i < to) {
      var j = i;
      while (j < to && marked[j] === marked[i]) {
        j++;
      }
      var part = document.createTextNode(text.slice(i, j).replace(/\s+/g, ' '));
      if (marked[i]) {
        var mark = document.createElement('mark');
        mark.appendChild(part);
        element.appendChild(mark);
      } else {
        element.appendChild(part);
      }
      i = j;
    }
  }

  /* The window of the text with the most covered characters, starting a little before its first one. */
  function snippet(element, text, rs) {
    var marked = covered(text, rs);
    var width = Math.min(SNIPPET, text.length);
    var sum = 0;
    for (var i = 0; i < width; i++) {
      sum += marked[i];
    }
    var best = sum;
    var start = 0;
    for (var s = 1; s + width <= text.length; s++) {
      sum += marked[s + width - 1] - marked[s - 1];
      if (sum > best) {
        best = sum;
        start = s;
      }
    }
    if (best > 0) {
      var first = start;
      while (!marked[first]) {
        first++;
      }
      start = Math.max(0, Math.min(first - 15, text.length - width));
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (start > 0) {
      element.appendChild(document.createTextNode('…'));
    }
    highlight(element, text, marked, start, end);
    if (end < text.length) {
      element.appendChild(document.createTextNode('…'));
    }
  }

  function start() {
    var root = document.querySelector('[data-gs-search-data]');
    var form = document.querySelector('[data-gs-search-form]');
    if (!root || !form) {
      return;
    }
    dataRoot = root.getAttribute('data-gs-search-data');
    var siteRoot = root.getAttribute('data-gs-search-root') || '';
    var input = form.querySelector('input[name="q"]');
    var yearSelect = form.querySelector('select[name="year"]');
    var groupSelect = form.querySelector('select[name="group"]');
    var status = document.querySelector('[data-gs-search-status]');
    var list = document.querySelector('[data-gs-search-results]');
    var more = document.querySelector('[data-gs-search-more]');
    var noScript = document.querySelector('[data-gs-search-nojs]');

    form.hidden = false;
    if (noScript) {
      noScript.hidden = true;
    }

    var params = new URLSearchParams(window.location.search);
    var query = (params.get('q') || '').trim();
    input.value = query;
    setSelect(yearSelect, params.get('year'));
    setSelect(groupSelect, params.get('group'));

    var result = null;
    var shown = [];
    var index = null;

    function setSelect(select, value) {
      if (!select || value === null) {
        return;
      }
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === value) {
          select.selectedIndex = i;
        }
      }
    }

    function say(text) {
      status.textContent = text;
    }

    function failed() {
      say('检索数据未能加载。请刷新页面重试，或从首页按年度、按机构查找报告。');
      more.hidden = true;
    }

    function filtered() {
      var year = yearSelect && yearSelect.value ? Number(yearSelect.value) : null;
      var group = -2;
      if (groupSelect && groupSelect.value) {
        group = -1;
        index.groups.forEach(function (g, i) {
          if (g[0] === groupSelect.value) {
            group = i;
          }
        });
      }
      return result.hits.filter(function (h) {
        return (year === null || h.year === year) && (group === -2 || index.group[h.doc] === group);
      });
    }

    function describeFilters() {
      var parts = [];
      if (yearSelect && yearSelect.value) {
        parts.push(yearSelect.options[yearSelect.selectedIndex].text);
      }
      if (groupSelect && groupSelect.value) {
        parts.push(groupSelect.options[groupSelect.selectedIndex].text);
      }
      return parts.length ? '（' + parts.join('，') + '）' : '';
    }

    function item(hit, doc) {
      var li = document.createElement('li');
      li.className = 'gs-search-result';
      var heading = document.createElement('h2');
      heading.className = 'gs-search-title';
      var link = document.createElement('a');
      link.href = siteRoot + doc.u;
      highlight(link, doc.t, covered(doc.t, result.runs), 0, doc.t.length);
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = document.createElement('p');
      meta.className = 'gs-search-meta';
      meta.textContent = doc.a + ' · ' + doc.y + '年';
      li.appendChild(meta);
      var text = document.createElement('p');
      text.className = 'gs-search-snippet';
      snippet(text, doc.x, result.runs);
      li.appendChild(text);
      return li;
    }

    /* Shows the next page of hits; moves focus to the first new one when asked. */
    function showMore(hits, focus) {
      var next = hits.slice(shown.length, shown.length + PAGE_SIZE);
      return Promise.all(next.map(function (h) { return load('doc/' + h.doc); })).then(function (docs) {
        var first = null;
        docs.forEach(function (doc, i) {
          var li = item(next[i], doc);
          list.appendChild(li);
          shown.push(next[i]);
          first = first || li;
        });
        list.hidden = shown.length === 0;
        var left = hits.length - shown.length;
        more.hidden = left <= 0;
        more.textContent = '显示更多结果（还有 ' + left + ' 份）';
        if (focus && first) {
          first.querySelector('a').focus();
        }
      });
    }

    function render() {
      list.textContent = '';
      shown = [];
      var hits = filtered();
      var where = describeFilters();
      more.onclick = function () {
        showMore(hits, true).catch(failed);
      };
      if (hits.length === 0) {
        list.hidden = true;
        more.hidden = true;
        say('没有找到包含“' + query + '”的报告' + where + '。请换用其他词语，或减少筛选条件。');
        return Promise.resolve();
      }
      return showMore(hits, false).then(function () {
        say('“' + query + '”：找到 ' + hits.length + ' 份报告' + where + (hits.length > PAGE_SIZE
          ? '，先显示前 ' + Math.min(PAGE_SIZE, hits.length) + ' 份。' : '。'));
      });
    }

    function syncUrl() {
      var p = new URLSearchParams();
      p.set('q', query);
      if (yearSelect && yearSelect.value) {
        p.set('year', yearSelect.value);
      }
      if (groupSelect && groupSelect.value) {
        p.set('group', groupSelect.value);
      }
      try {
        window.history.replaceState(null, '', '?' + p.toString());
      } catch (e) {
        /* some browsers refuse this for file:// pages; the form still carries the filters */
      }
    }

    [yearSelect, groupSelect].forEach(function (select) {
      if (select) {
        select.addEventListener('change', function () {
          if (result) {
            syncUrl();
            render().catch(failed);
          }
        });
      }
    });

    if (query === '') {
      if (params.has('q')) {
        say('请输入检索词。');
      }
      return;
    }
    say('正在检索……');
    load('index').then(function (data) {
      index = data;
      return rank(index, query);
    }).then(function (ranked) {
      if (ranked === null) {
        say('“' + query + '”中没有可检索的汉字、字母或数字。');
        return null;
      }
      result = ranked;
      return render();
    }).catch(failed);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
