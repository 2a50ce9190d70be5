/*
 * crashlab report script: draws the charts of a report from the JSON in #crashlab-data with
 * Apache ECharts (inlined before this script), and makes tables sortable and filterable.
 * Every text that comes from results.json goes into HTML through esc(); the page loads nothing.
 */
(function () {
  'use strict';

  var errorBox = document.getElementById('report-errors');
  function reportError(message) {
    if (errorBox) {
      errorBox.hidden = false;
      var line = document.createElement('div');
      line.textContent = message;
      errorBox.appendChild(line);
      document.documentElement.setAttribute('data-report-errors', String(errorBox.childNodes.length));
    }
    if (window.console) {
      console.error(message);
    }
  }
  window.addEventListener('error', function (e) {
    reportError('Script error: ' + e.message);
  });

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }

  // ---- formatting, as the Java side formats tables ----
  function finite(v) {
    return typeof v === 'number' && isFinite(v);
  }
  function fixed(v, digits) {
    var s = v.toFixed(digits);
    return /^-0(\.0+)?$/.test(s) ? s.substring(1) : s;
  }
  function pct(v) {
    return finite(v) ? fixed(v * 100, 2) + ' %' : '—';
  }
  function money(v) {
    return finite(v) ? v.toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2}) : '—';
  }
  function ratio(v) {
    return finite(v) ? fixed(v, 2) : '—';
  }
  function price(v) {
    if (!finite(v)) {
      return '—';
    }
    return Math.abs(v) >= 1 ? money(v) : String(Number(v.toPrecision(6)));
  }
  function number(v) {
    return finite(v) ? v.toLocaleString('en-US', {maximumFractionDigits: 2}) : '—';
  }
  // At most three significant digits, trailing zeros dropped: 0.05, 1.5, 120.
  function significant(v) {
    return v === 0 ? '0' : String(Number(v.toPrecision(3)));
  }
  // One format for every value axis of money, prices and counts: thousands as k from 1,000 on
  // (9k next to 12k, never 9000 next to 12k), then M and B; small values with significant digits,
  // so a log axis never labels a tick 0.0.
  function compact(v) {
    var a = Math.abs(v);
    if (a >= 1e9) {
      return significant(v / 1e9) + 'B';
    }
    if (a >= 1e6) {
      return significant(v / 1e6) + 'M';
    }
    if (a >= 1e3) {
      return significant(v / 1e3) + 'k';
    }
    return significant(v);
  }
  function state(v) {
    return finite(v) ? (v === 1 ? 'holds' : 'does not hold') : '—';
  }
  var FORMATS = {money: money, percent: pct, ratio: ratio, price: price, number: number, figure: price, state: state};
  var AXIS_FORMATS = {
    money: compact,
    price: compact,
    number: compact,
    ratio: significant,
    percent: function (v) { return fixed(v * 100, 0) + '%'; },
    state: function (v) { return v === 1 ? 'holds' : v === 0 ? 'not' : ''; }
  };

  var data = JSON.parse(document.getElementById('crashlab-data').textContent);
  var DAY = 86400000;

  function when(t) {
    var iso = new Date(t).toISOString();
    return data.daily ? iso.substring(0, 10) : iso.substring(0, 16).replace('T', ' ');
  }

  // ---- colours and markers ----
  var COLORS = {
    main: '#1f4e79', benchmark: '#8c8c8c', invested: '#2ca02c', long: '#2ca02c', short: '#d62728',
    leverage: '#1f4e79', volatility: '#ff7f0e', price: '#333333', flow: '#1f77b4'
  };
  // Drawing order: the strategy's line above its benchmark's and the other reference lines.
  var Z = {main: 4, benchmark: 2, invested: 3};
  var RUN_COLORS = ['#1f4e79', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
    '#7f7f7f', '#bcbd22'];
  var CROSS = 'path://M2,0 L5,3 L8,0 L10,2 L7,5 L10,8 L8,10 L5,7 L2,10 L0,8 L3,5 L0,2 Z';
  var MARKERS = {
    buy: {symbol: 'triangle', color: '#2ca02c', rotate: 0},
    sell: {symbol: 'triangle', color: '#d62728', rotate: 180},
    short: {symbol: 'triangle', color: '#9467bd', rotate: 180},
    cover: {symbol: 'triangle', color: '#17becf', rotate: 0},
    // A fill that crosses zero closes one side and opens the other: drawn as a diamond, named for both.
    'sell-short': {symbol: 'diamond', color: '#9467bd', rotate: 0},
    'cover-buy': {symbol: 'diamond', color: '#17becf', rotate: 0},
    liquidation: {symbol: CROSS, color: '#000000', rotate: 0}
  };

  // ---- regime and crisis-window shading, on every time chart ----
  function shading() {
    var areas = [];
    if (data.regimes) {
      data.regimes.runs.forEach(function (run) {
        areas.push([{xAxis: run[0], itemStyle: {color: data.regimes.colors[run[2]], opacity: 0.1}},
          {xAxis: run[1]}]);
      });
    }
    (data.windows || []).forEach(function (w) {
      areas.push([{
        name: w.name, xAxis: w.from,
        itemStyle: {color: 'rgba(60,60,60,0.05)', borderColor: '#555555', borderWidth: 1, borderType: 'dashed'},
        label: {show: false}
      }, {xAxis: w.to}]);
    });
    return areas;
  }

  // ---- crisis-window labels: in rows above the plot, never overlapping, never clipped ----
  var LABEL_FONT = '10px sans-serif';
  var LABEL_ROW = 14;
  var LABEL_GAP = 6;
  var MAX_LABEL_ROWS = 3;
  var measure = document.createElement('canvas').getContext('2d');
  function labelWidth(text) {
    measure.font = LABEL_FONT;
    return Math.ceil(measure.measureText(text).width) + 6;
  }
  // Places each window's name at its start, in the first row where it clears the label before it,
  // shifted left where it would run past the plot's right edge; a label that finds no room in
  // the rows is left out (the table of windows lists them all). Returns [{w, x, row}] and the
  // rows used.
  function placeLabels(chart, left, right) {
    var rowsEnd = [];
    var placed = [];
    var ordered = (data.windows || []).slice().sort(function (a, b) { return a.from - b.from; });
    ordered.forEach(function (w) {
      var x0 = chart.convertToPixel({xAxisIndex: 0}, w.from);
      var x1 = chart.convertToPixel({xAxisIndex: 0}, w.to);
      if (!finite(x0) || !finite(x1) || x1 < left || x0 > right) {
        return;
      }
      var width = labelWidth(w.name);
      var x = Math.max(left, Math.min(x0, right - width));
      for (var row = 0; row < MAX_LABEL_ROWS; row++) {
        if (rowsEnd[row] === undefined || rowsEnd[row] + LABEL_GAP <= x) {
          rowsEnd[row] = x + width;
          placed.push({w: w, x: x, row: row, width: width});
          return;
        }
      }
    });
    return {labels: placed, rows: rowsEnd.length};
  }
  function windowLabels(chart, layout, reserved) {
    var top = layout.top;
    var placed = placeLabels(chart, layout.left, chart.getWidth() - layout.right);
    var elements = placed.labels.filter(function (p) { return p.row < reserved; }).map(function (p) {
      return {
        type: 'text', x: p.x, y: top - (reserved - p.row) * LABEL_ROW, silent: false, z: 10,
        style: {text: p.w.name, font: LABEL_FONT, fill: '#333333', backgroundColor: 'rgba(255,255,255,0.85)',
          padding: [1, 3]},
        info: 'crisis-window'
      };
    });
    return {elements: elements, rows: placed.rows};
  }

  var charts = [];
  var byId = {};

  function seriesOption(s, i, spec) {
    var color = spec.palette === 'runs' ? RUN_COLORS[i % RUN_COLORS.length] : (COLORS[s.role] || RUN_COLORS[i % RUN_COLORS.length]);
    if (s.type === 'scatter') {
      var m = MARKERS[s.role] || MARKERS.buy;
      return {
        name: s.name, type: 'scatter', data: s.data, symbol: m.symbol, symbolRotate: m.rotate, symbolSize: 9,
        itemStyle: {color: m.color, borderColor: '#ffffff', borderWidth: 0.5}, z: 5
      };
    }
    if (s.type === 'bar') {
      return {
        name: s.name, type: 'bar', data: s.data, barMaxWidth: 6,
        itemStyle: {color: function (p) { return p.value[1] < 0 ? '#d62728' : '#2ca02c'; }}
      };
    }
    var o = {
      name: s.name, type: 'line', data: s.data, showSymbol: false, symbol: 'none', yAxisIndex: s.axis || 0,
      connectNulls: false, z: Z[s.role] || 2,
      lineStyle: {width: s.role === 'benchmark' || s.role === 'invested' ? 1.2 : 1.6, color: color,
        type: s.role === 'invested' ? 'dashed' : 'solid'},
      itemStyle: {color: color}
    };
    if (s.dots) {
      // A value standing alone between gaps draws no line: show every point.
      o.showSymbol = true;
      o.symbol = 'circle';
      o.symbolSize = 3;
    }
    if (s.area) {
      o.areaStyle = {color: color, opacity: 0.15};
    }
    if (s.role === 'invested' || s.step) {
      o.step = 'end';
    }
    return o;
  }

  // A state's periods not holding, shaded on the equity chart: a series of its own, so the legend
  // names it and can hide it.
  function shadeOption(shade) {
    return {
      name: shade.name, type: 'line', data: [], itemStyle: {color: shade.color, opacity: 0.45},
      markArea: {
        silent: true, itemStyle: {color: shade.color, opacity: 0.14},
        data: shade.areas.map(function (a) { return [{xAxis: a[0]}, {xAxis: a[1]}]; })
      }
    };
  }

  // Formats the tooltip of a time chart; pointer.value, when given, is where the pointer stands
  // (params hold the time of the nearest point instead).
  function tooltipFormatter(spec, pointer) {
    var fmt = FORMATS[spec.format] || number;
    var second = FORMATS[spec.secondFormat] || fmt;
    var tolerance = data.daily ? DAY / 2 : 60000;
    return function (params) {
      if (!params.length) {
        return '';
      }
      var at = pointer && pointer.value !== null ? pointer.value : params[0].axisValue;
      var html = '<div class="tt-head">' + esc(when(at)) + '</div>';
      params.forEach(function (p) {
        var v = p.value;
        if (p.seriesType === 'scatter') {
          if (Math.abs(v[0] - p.axisValue) > tolerance) {
            return;
          }
          html += '<div>' + p.marker + esc(p.seriesName) + ' ' + esc(number(v[2])) + ' @ ' + esc(price(v[1]))
              + ', fee ' + esc(money(v[3])) + (v[4] ? ' <span class="tt-tag">' + esc(v[4]) + '</span>' : '') + '</div>';
          return;
        }
        var s = spec.series[p.seriesIndex];
        if (s && s.step && v && v[0] > at && p.dataIndex > 0) {
          // A step line holds each value until its next point: the nearest point may be the next.
          v = s.data[p.dataIndex - 1];
        }
        if (!v || !finite(v[1])) {
          return;
        }
        var f = s && s.axis ? second : fmt;
        html += '<div>' + p.marker + esc(p.seriesName) + ': <b>' + esc(f(v[1])) + '</b></div>';
      });
      return html;
    };
  }

  function positive(points) {
    return points.map(function (p) {
      return finite(p[1]) && p[1] > 0 ? p : [p[0], null];
    });
  }

  function timeChart(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var indexed = spec.mode === 'index';
    var series = spec.series.map(function (s, i) {
      var o = seriesOption(s, i, spec);
      if (indexed && s.index) {
        o.data = s.index;
      }
      return o;
    });
    var format = indexed ? 'ratio' : spec.format;
    if (series.length) {
      series[0].markArea = {silent: true, data: shading()};
    }
    (spec.shades || []).forEach(function (shade) { series.push(shadeOption(shade)); });
    // A step line's points are its changes: the pointer must not snap to the nearest one, and the
    // tooltip reads the value where it stands.
    var stepped = spec.series.some(function (s) { return s.step; });
    var pointer = stepped ? {value: null} : null;
    if (stepped) {
      chart.on('updateAxisPointer', function (e) {
        pointer.value = e.axesInfo.length ? e.axesInfo[0].value : null;
      });
    }
    var yAxis = [{
      type: 'value', scale: spec.format === 'price' || spec.format === 'money' || spec.format === 'figure' || indexed,
      name: indexed ? spec.indexUnit : spec.unit, nameLocation: 'middle', nameGap: 48, nameTextStyle: {color: '#5d6b7a'},
      axisLabel: {formatter: AXIS_FORMATS[format] || compact}, splitLine: {lineStyle: {color: '#eeeeee'}}
    }];
    if (spec.format === 'state') {
      yAxis[0].min = 0;
      yAxis[0].max = 1;
      yAxis[0].interval = 1;
    }
    if (spec.secondFormat) {
      yAxis.push({type: 'value', scale: true, name: spec.secondUnit, nameLocation: 'middle', nameGap: 44,
        nameTextStyle: {color: '#5d6b7a'}, axisLabel: {formatter: AXIS_FORMATS[spec.secondFormat]}, splitLine: {show: false}});
    }
    // The unit of the time axis, on the row of its labels past its end: below a right-hand
    // axis's lowest label, which sits on the axis line.
    var xAxis = {type: 'time', min: data.start, max: data.end, name: 'UTC', nameGap: 6,
      nameTextStyle: {color: '#5d6b7a', fontSize: 10, verticalAlign: 'top', padding: [12, 0, 0, 0]}};
    if (stepped) {
      xAxis.axisPointer = {snap: false};
    }
    var layout = {left: 76, right: spec.secondFormat ? 68 : 34, top: 34};
    chart.setOption({
      animation: false,
      grid: {left: layout.left, right: layout.right, top: layout.top, bottom: 62},
      legend: {top: 4, type: 'scroll'},
      tooltip: {trigger: 'axis', axisPointer: {type: 'line'}, formatter: tooltipFormatter(
        indexed ? {format: 'ratio', series: spec.series} : spec, pointer), confine: true},
      xAxis: xAxis,
      yAxis: yAxis,
      dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 10}],
      series: series
    });
    if (spec.windowLabels && (data.windows || []).length) {
      // Rows for the labels as the whole period needs them (zooming in only spreads them out).
      var reserved = Math.min(MAX_LABEL_ROWS, placeLabels(chart, layout.left, chart.getWidth() - layout.right).rows);
      layout.top = 34 + reserved * LABEL_ROW;
      chart.setOption({grid: {top: layout.top}});
      var relabel = function () {
        // A narrower chart may need more rows than the first layout: grow the strip, never shrink it.
        var needed = Math.min(MAX_LABEL_ROWS, placeLabels(chart, layout.left, chart.getWidth() - layout.right).rows);
        if (needed > reserved) {
          reserved = needed;
          layout.top = 34 + reserved * LABEL_ROW;
          chart.setOption({grid: {top: layout.top}});
        }
        chart.setOption({graphic: {elements: windowLabels(chart, layout, reserved).elements}}, {replaceMerge: ['graphic']});
      };
      relabel();
      chart.on('datazoom', relabel);
      byId[spec.id + ':labels'] = relabel;
    }
    chart.group = 'time';
    byId[spec.id] = {chart: chart, spec: spec};
  }

  // Returns a chart in the container with this id (sized to height pixels when given), marked
  // data-rendered once drawn; null, with the error shown, when the page has no such container.
  function mount(id, height) {
    var el = document.getElementById(id);
    if (!el) {
      reportError('No container for chart ' + id);
      return null;
    }
    if (height) {
      el.style.height = height + 'px';
    }
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    chart.on('finished', function () {
      el.setAttribute('data-rendered', 'true');
    });
    charts.push(chart);
    return chart;
  }

  function heatmap(spec, format) {
    var chart = mount(spec.id, Math.max(200, spec.ys.length * 28 + 110));
    if (!chart) {
      return;
    }
    var fmt = FORMATS[format] || number;
    var values = spec.cells.map(function (c) { return c[2]; }).filter(finite);
    var low = Math.min.apply(null, values.concat([0]));
    var high = Math.max.apply(null, values.concat([0]));
    var diverging = format === 'percent' || low < 0;
    var bound = Math.max(Math.abs(low), Math.abs(high), 1e-9);
    var colors = diverging ? ['#b2182b', '#f7f7f7', '#1a9850'] : ['#f7fbff', '#08519c'];
    if ('min' in spec) {
      // A sweep's scale runs from the grid's lowest value to its highest (the page gives both), so
      // that values from 0.42 to 0.81 do not look alike on a scale from 0; red to green through
      // white when they change sign, else pale to dark blue.
      low = finite(spec.min) ? spec.min : 0;
      high = finite(spec.max) ? spec.max : 0;
      if (high - low < 1e-12) {
        high = low + Math.max(Math.abs(low) * 1e-6, 1e-9);
      }
      diverging = false;
      colors = low < 0 && high > 0 ? ['#b2182b', '#f7f7f7', '#1a9850'] : ['#deebf7', '#08519c'];
    }
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          return esc(spec.yName ? spec.yName + ' ' : '') + esc(spec.ys[p.value[1]]) + ', ' + esc(spec.xName ? spec.xName + ' ' : '')
              + esc(spec.xs[p.value[0]]) + ': <b>' + esc(fmt(p.value[2])) + '</b>';
        }
      },
      grid: {left: 70, right: 16, top: 10, bottom: 80},
      xAxis: {type: 'category', data: spec.xs, name: spec.xName || '', nameLocation: 'middle', nameGap: 26, splitArea: {show: true}},
      yAxis: {type: 'category', data: spec.ys, name: spec.yName || '', inverse: true, splitArea: {show: true}},
      visualMap: {
        min: diverging ? -bound : low, max: diverging ? bound : high, calculable: false, orient: 'horizontal',
        left: 'center', bottom: 4, itemHeight: 160, itemWidth: 12,
        text: [fmt(diverging ? bound : high), fmt(diverging ? -bound : low)],
        inRange: {color: spec.better < 0 ? colors.slice().reverse() : colors}
      },
      series: [{
        type: 'heatmap', data: spec.cells,
        label: {show: spec.cells.length <= 400, fontSize: 10, formatter: function (p) {
          return format === 'percent' ? fixed(p.value[2] * 100, 1) : ratio(p.value[2]);
        }},
        emphasis: {itemStyle: {borderColor: '#333333', borderWidth: 1}}
      }]
    });
  }

  // Bars by category (spec.years holds the categories); values are fractions unless spec.format is 'count'.
  function categoryBars(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var counts = spec.format === 'count';
    chart.setOption({
      animation: false,
      legend: {top: 4},
      grid: {left: 64, right: 16, top: 34, bottom: 30},
      tooltip: {
        trigger: 'axis', formatter: function (params) {
          var html = '<div class="tt-head">' + esc(params[0].axisValue) + '</div>';
          params.forEach(function (p) {
            html += '<div>' + p.marker + esc(p.seriesName) + ': <b>' + esc(counts ? p.value : pct(p.value)) + '</b></div>';
          });
          return html;
        }
      },
      xAxis: {type: 'category', data: spec.years},
      yAxis: counts ? {type: 'value', minInterval: 1, name: spec.unit || 'count', nameLocation: 'middle', nameGap: 40,
        nameTextStyle: {color: '#5d6b7a'}}
        : {type: 'value', name: spec.unit || '% return', nameLocation: 'middle', nameGap: 40,
          nameTextStyle: {color: '#5d6b7a'}, axisLabel: {formatter: AXIS_FORMATS.percent}},
      series: spec.series.map(function (s) {
        return {name: s.name, type: 'bar', data: s.data, itemStyle: {color: COLORS[s.role] || '#1f4e79'}};
      })
    });
  }

  // A fan of equity: quantile bands of many paths, drawn as stacked areas between a lower band
  // and the band above it, with the median, the real history and the cash put in as lines.
  function fanChart(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var fmt = FORMATS[spec.format] || number;
    function band(level) {
      var found = spec.bands.filter(function (b) { return Math.abs(b.level - level) < 1e-9; })[0];
      return found ? found.values : null;
    }
    function pairs(values) {
      return spec.times.map(function (t, i) { return [t, values[i]]; });
    }
    function width(low, high) {
      return spec.times.map(function (t, i) {
        return [t, finite(low[i]) && finite(high[i]) ? high[i] - low[i] : null];
      });
    }
    var series = [];
    [[0.05, 0.95, '5–95 %', 0.18], [0.25, 0.75, '25–75 %', 0.3]].forEach(function (b, i) {
      var low = band(b[0]);
      var high = band(b[1]);
      if (!low || !high) {
        return;
      }
      var stack = 'band' + i;
      series.push({name: b[2], type: 'line', data: pairs(low), stack: stack, symbol: 'none', lineStyle: {opacity: 0},
        itemStyle: {color: '#1f4e79', opacity: b[3] * 2}, tooltip: {show: false}, silent: true});
      series.push({name: b[2], type: 'line', data: width(low, high), stack: stack, symbol: 'none', lineStyle: {opacity: 0},
        areaStyle: {color: '#1f4e79', opacity: b[3]}, itemStyle: {color: '#1f4e79', opacity: b[3] * 2}});
    });
    var median = band(0.5);
    if (median) {
      series.push({name: 'median', type: 'line', data: pairs(median), symbol: 'none', lineStyle: {width: 1.6, color: '#1f4e79'},
        itemStyle: {color: '#1f4e79'}});
    }
    series.push({name: 'real history', type: 'line', data: pairs(spec.historical), symbol: 'none',
      lineStyle: {width: 1.4, color: '#d62728'}, itemStyle: {color: '#d62728'}});
    series.push({name: 'cash put in', type: 'line', data: pairs(spec.invested), symbol: 'none', step: 'end',
      lineStyle: {width: 1.2, type: 'dashed', color: '#555555'}, itemStyle: {color: '#555555'}});
    series[0].markArea = {silent: true, data: shading()};
    chart.setOption({
      animation: false,
      grid: {left: 72, right: 20, top: 34, bottom: 62},
      legend: {top: 4, type: 'scroll', data: ['5–95 %', '25–75 %', 'median', 'real history', 'cash put in']},
      tooltip: {
        trigger: 'axis', confine: true, formatter: function (params) {
          if (!params.length) {
            return '';
          }
          var i = params[0].dataIndex;
          var html = '<div class="tt-head">' + esc(when(spec.times[i])) + '</div>';
          spec.bands.forEach(function (b) {
            html += '<div>' + esc(fixed(b.level * 100, 0)) + ' %: <b>' + esc(fmt(b.values[i])) + '</b></div>';
          });
          html += '<div>real history: <b>' + esc(fmt(spec.historical[i])) + '</b></div>';
          html += '<div>cash put in: <b>' + esc(fmt(spec.invested[i])) + '</b></div>';
          return html;
        }
      },
      xAxis: {type: 'time', min: data.start, max: data.end},
      yAxis: {type: 'value', axisLabel: {formatter: AXIS_FORMATS[spec.format] || compact}, splitLine: {lineStyle: {color: '#eeeeee'}}},
      dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 10}],
      series: series
    });
  }

  // Candlesticks over the results' candle window, with overlay lines and fill markers; its own
  // time range, so it is not zoomed with the run's time charts.
  // Apart from the markers' colours (short purple, cover teal) so an overlay never reads as a fill.
  var OVERLAY_COLORS = ['#ff7f0e', '#8c564b', '#e377c2'];
  function candleChart(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var series = spec.series.map(function (s, i) {
      if (s.type === 'candlestick') {
        return {name: s.name, type: 'candlestick', data: s.data, z: 2,
          itemStyle: {color: '#2ca02c', color0: '#d62728', borderColor: '#2ca02c', borderColor0: '#d62728'}};
      }
      var o = seriesOption(s, i, spec);
      if (s.type === 'line') {
        var color = OVERLAY_COLORS[Math.max(0, i - 1) % OVERLAY_COLORS.length];
        o.lineStyle = {width: 1.2, color: color};
        o.itemStyle = {color: color};
        o.z = 3;
      }
      return o;
    });
    chart.setOption({
      animation: false,
      grid: {left: 76, right: 34, top: 34, bottom: 62},
      legend: {top: 4, type: 'scroll'},
      tooltip: {trigger: 'axis', axisPointer: {type: 'cross'}, confine: true},
      xAxis: {type: 'time', min: spec.from, max: spec.to, name: 'UTC', nameGap: 6,
        nameTextStyle: {color: '#5d6b7a', fontSize: 10, verticalAlign: 'top', padding: [12, 0, 0, 0]}},
      yAxis: {type: 'value', scale: true, name: spec.unit, nameLocation: 'middle', nameGap: 48,
        nameTextStyle: {color: '#5d6b7a'}, axisLabel: {formatter: compact}, splitLine: {lineStyle: {color: '#eeeeee'}}},
      dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 10}],
      series: series
    });
  }

  // A histogram of returns: bars by bin (labelled by the lower edge, in %), red below 0.
  function returnHistogram(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    chart.setOption({
      animation: false,
      grid: {left: 64, right: 16, top: 16, bottom: 56},
      tooltip: {
        trigger: 'axis', formatter: function (params) {
          var b = spec.bins[params[0].dataIndex];
          return esc(significant(b[0] * 100) + ' % to ' + significant((b[0] + spec.width) * 100) + ' %') + ': <b>'
              + esc(String(b[1])) + ' ' + esc(spec.yName) + '</b>';
        }
      },
      xAxis: {type: 'category', data: spec.bins.map(function (b) { return significant(b[0] * 100); }), name: spec.xName,
        nameLocation: 'middle', nameGap: 30, nameTextStyle: {color: '#5d6b7a'}, axisLabel: {hideOverlap: true}},
      yAxis: {type: 'value', name: spec.yName, nameLocation: 'middle', nameGap: 44, minInterval: 1,
        nameTextStyle: {color: '#5d6b7a'}},
      series: [{type: 'bar', name: spec.yName, barCategoryGap: '8%', data: spec.bins.map(function (b) {
        return {value: b[1], itemStyle: {color: b[0] < 0 ? '#d62728' : '#2ca02c'}};
      })}]
    });
  }

  // Drawdown episodes as points [depth, days under water, peak time]; an open series (not
  // recovered by the end) is drawn hollow, its days a lower bound.
  function episodeScatter(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    chart.setOption({
      animation: false,
      legend: {top: 4},
      grid: {left: 64, right: 16, top: 34, bottom: 44},
      tooltip: {
        trigger: 'item', formatter: function (p) {
          return '<div class="tt-head">' + esc(p.seriesName) + '</div><div>peak ' + esc(when(p.value[2])) + '</div><div>depth <b>'
              + esc(pct(p.value[0])) + '</b>, ' + esc(fixed(p.value[1], 0)) + ' days under water</div>';
        }
      },
      xAxis: {type: 'value', name: 'depth', nameLocation: 'middle', nameGap: 26, axisLabel: {formatter: AXIS_FORMATS.percent}},
      yAxis: {type: 'value', name: 'days under water', nameLocation: 'middle', nameGap: 46},
      series: spec.series.map(function (s) {
        var color = COLORS[s.role] || '#1f4e79';
        return {name: s.name, type: 'scatter', data: s.data, symbolSize: 7,
          itemStyle: s.open ? {color: 'transparent', borderColor: color, borderWidth: 1.5} : {color: color, opacity: 0.75}};
      })
    });
  }

  // The histogram of a sweep's CSCV logits: bins [from, to, count]; bins up to 0 (red) hold PBO.
  function logitBars(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    chart.setOption({
      animation: false,
      grid: {left: 50, right: 16, top: 16, bottom: 46},
      tooltip: {
        trigger: 'axis', formatter: function (params) {
          var b = spec.bins[params[0].dataIndex];
          return esc('logit in (' + fixed(b[0], 2) + ', ' + fixed(b[1], 2) + ']: ') + '<b>' + esc(number(b[2])) + '</b> splits';
        }
      },
      xAxis: {type: 'category', name: 'logit', nameLocation: 'middle', nameGap: 28,
        data: spec.bins.map(function (b) { return fixed((b[0] + b[1]) / 2, 2); })},
      yAxis: {type: 'value', axisLabel: {formatter: compact}},
      series: [{type: 'bar', barCategoryGap: '8%', data: spec.bins.map(function (b) {
        return {value: b[2], itemStyle: {color: b[1] <= 0 ? '#d62728' : '#1f4e79'}};
      })}]
    });
  }

  // In-sample against out-of-sample score of each split's in-sample best, with the fitted line.
  function degradationScatter(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var xs = spec.points.map(function (p) { return p[0]; });
    var low = Math.min.apply(null, xs);
    var high = Math.max.apply(null, xs);
    var series = [{type: 'scatter', name: 'splits', data: spec.points, symbolSize: 4, itemStyle: {color: '#1f4e79', opacity: 0.5}}];
    if (finite(spec.slope) && finite(spec.intercept) && xs.length) {
      series.push({type: 'line', name: 'least squares', showSymbol: false, lineStyle: {color: '#d62728', width: 1.6},
        data: [[low, spec.intercept + spec.slope * low], [high, spec.intercept + spec.slope * high]]});
    }
    chart.setOption({
      animation: false,
      legend: {top: 4},
      grid: {left: 64, right: 20, top: 34, bottom: 46},
      tooltip: {trigger: 'item', formatter: function (p) {
        return esc('in sample ' + price(p.value[0]) + ', out of sample ' + price(p.value[1]));
      }},
      xAxis: {type: 'value', scale: true, name: 'in-sample Sharpe', nameLocation: 'middle', nameGap: 28},
      yAxis: {type: 'value', scale: true},
      series: series
    });
  }

  // A histogram of one figure over the paths: equal bins, the bin holding the real history's value marked.
  function pathHistogram(spec) {
    var chart = mount(spec.id);
    if (!chart) {
      return;
    }
    var fmt = FORMATS[spec.format] || number;
    var labels = spec.counts.map(function (c, i) { return fmt(spec.edges[i]); });
    var marked = -1;
    if (finite(spec.historical)) {
      spec.counts.forEach(function (c, i) {
        var last = i === spec.counts.length - 1;
        if (spec.historical >= spec.edges[i] && (spec.historical < spec.edges[i + 1] || last && spec.historical <= spec.edges[i + 1])) {
          marked = i;
        }
      });
    }
    chart.setOption({
      animation: false,
      grid: {left: 48, right: 12, top: 16, bottom: 40},
      tooltip: {
        trigger: 'axis', confine: true, formatter: function (params) {
          var i = params[0].dataIndex;
          return '<div class="tt-head">' + esc(fmt(spec.edges[i])) + ' to ' + esc(fmt(spec.edges[i + 1])) + '</div>'
              + '<div>paths: <b>' + esc(String(spec.counts[i])) + '</b>' + (i === marked ? ' (holds the real history\'s '
              + esc(fmt(spec.historical)) + ')' : '') + '</div>';
        }
      },
      xAxis: {type: 'category', data: labels, axisLabel: {fontSize: 9}},
      yAxis: {type: 'value', minInterval: 1},
      series: [{name: spec.name, type: 'bar', barCategoryGap: '4%',
        data: spec.counts.map(function (c, i) {
          return {value: c, itemStyle: {color: i === marked ? '#d62728' : '#1f4e79'}};
        })}]
    });
  }

  function guard(name, fn) {
    try {
      fn();
    } catch (e) {
      reportError('Chart ' + name + ' failed: ' + (e && e.message ? e.message : e));
    }
  }

  // ---- the charts of each kind of page ----
  var c = data.charts || {};
  if (c.equity) {
    guard('equity', function () { timeChart(c.equity); });
  }
  if (c.drawdown) {
    guard('drawdown', function () { timeChart(c.drawdown); });
  }
  if (c.exposure) {
    guard('exposure', function () { timeChart(c.exposure); });
  }
  if (c.rolling) {
    guard('rolling', function () { timeChart(c.rolling); });
  }
  [['beta', timeChart], ['tradePnl', timeChart], ['stepDistribution', returnHistogram], ['monthDistribution', returnHistogram]]
    .forEach(function (kind) {
      if (c[kind[0]]) {
        guard(kind[0], function () { kind[1](c[kind[0]]); });
      }
    });
  (c.candles || []).forEach(function (spec) {
    guard(spec.id, function () { candleChart(spec); });
  });
  (c.prices || []).forEach(function (spec) {
    guard(spec.id, function () { timeChart(spec); });
  });
  (c.series || []).forEach(function (spec) {
    guard(spec.id, function () { timeChart(spec); });
  });
  (c.signals || []).forEach(function (spec) {
    guard(spec.id, function () { timeChart(spec); });
  });
  if (c.monthly) {
    guard('monthly', function () {
      heatmap({id: c.monthly.id, xs: c.monthly.months, ys: c.monthly.years, cells: c.monthly.cells}, 'percent');
    });
  }
  if (c.yearly) {
    guard('yearly', function () { categoryBars(c.yearly); });
  }
  if (c.durations) {
    guard('durations', function () { categoryBars(c.durations); });
  }
  if (c.recovery) {
    guard('recovery', function () { episodeScatter(c.recovery); });
  }
  if (c.sweep) {
    guard('sweep', function () { heatmap(c.sweep, c.sweep.format); });
  }
  (c.fans || []).forEach(function (spec) {
    guard(spec.id, function () { fanChart(spec); });
  });
  (c.histograms || []).forEach(function (spec) {
    guard(spec.id, function () { pathHistogram(spec); });
  });
  if (c.logits) {
    guard('logits', function () { logitBars(c.logits); });
  }
  if (c.degradation) {
    guard('degradation', function () { degradationScatter(c.degradation); });
  }
  ((c.drift || {}).charts || []).forEach(function (spec) {
    guard(spec.id, function () { timeChart(spec); });
  });
  if (typeof echarts !== 'undefined') {
    echarts.connect('time');
  }

  // ---- toolbars: linear or log scale, equity or index ----
  document.querySelectorAll('.toolbar[data-chart]').forEach(function (bar) {
    var entry = byId[bar.getAttribute('data-chart')];
    if (!entry) {
      return;
    }
    var state = {log: false, mode: entry.spec.mode || 'data'};
    function apply() {
      var spec = entry.spec;
      var format = state.mode === 'index' ? 'ratio' : spec.format;
      entry.chart.setOption({
        yAxis: [{type: state.log ? 'log' : 'value', scale: true, name: state.mode === 'index' ? spec.indexUnit : spec.unit,
          axisLabel: {formatter: AXIS_FORMATS[format] || compact}}],
        tooltip: {formatter: tooltipFormatter({format: format, series: spec.series})},
        series: spec.series.map(function (s) {
          var points = state.mode === 'index' && s.index ? s.index : s.data;
          return {data: state.log ? positive(points) : points};
        })
      });
    }
    bar.querySelectorAll('button').forEach(function (button) {
      button.addEventListener('click', function () {
        if (button.hasAttribute('data-scale')) {
          state.log = button.getAttribute('data-scale') === 'log';
          bar.querySelectorAll('button[data-scale]').forEach(function (b) { b.classList.toggle('on', b === button); });
        } else if (button.hasAttribute('data-mode')) {
          state.mode = button.getAttribute('data-mode');
          bar.querySelectorAll('button[data-mode]').forEach(function (b) { b.classList.toggle('on', b === button); });
        }
        apply();
      });
    });
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
    Object.keys(byId).forEach(function (k) {
      if (typeof byId[k] === 'function') {
        byId[k]();
      }
    });
  });

  // ---- sortable tables ----
  function sortKey(cell, numeric) {
    if (numeric) {
      var raw = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.replace(/[,% ]/g, '');
      var v = parseFloat(raw);
      return isNaN(v) ? -Infinity : v;
    }
    return cell.textContent.trim().toLowerCase();
  }
  document.querySelectorAll('table.sortable').forEach(function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head) {
      return;
    }
    Array.prototype.forEach.call(head.cells, function (th, col) {
      th.classList.add('sort');
      th.addEventListener('click', function () {
        var dir = th.getAttribute('data-dir') === 'asc' ? 'desc' : 'asc';
        Array.prototype.forEach.call(head.cells, function (other) { other.removeAttribute('data-dir'); });
        th.setAttribute('data-dir', dir);
        var numeric = th.getAttribute('data-type') === 'num';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a.cells[col], numeric);
          var y = sortKey(b.cells[col], numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (dir === 'asc' ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // ---- filterable tables ----
  document.querySelectorAll('.filters[data-table]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var text = box.querySelector('.filter-text');
    var selects = box.querySelectorAll('.filter-attr');
    var count = box.querySelector('.filter-count');
    function apply() {
      var q = text ? text.value.trim().toLowerCase() : '';
      var rows = table.tBodies[0].rows;
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        selects.forEach(function (s) {
          if (s.value && row.getAttribute('data-' + s.getAttribute('data-attr')) !== s.value) {
            ok = false;
          }
        });
        row.hidden = !ok;
        if (ok) {
          shown++;
        }
      });
      if (count) {
        count.textContent = shown + ' of ' + rows.length + ' shown';
      }
    }
    if (text) {
      text.addEventListener('input', apply);
    }
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    apply();
  });
}());
