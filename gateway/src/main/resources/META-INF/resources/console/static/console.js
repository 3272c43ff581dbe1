// PerfCenter console: the trend chart (Apache ECharts) and sortable tables. No inline script: the pages' CSP allows
// scripts from this origin only.
(function () {
  'use strict';

  function trendChart() {
    var el = document.getElementById('trend');
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-trend'));
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.periods, axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', scale: true },
      series: [{ name: el.getAttribute('data-series') || 'Total', type: 'line', data: data.totals, connectNulls: false, symbolSize: 8,
        label: { show: true, position: 'top' } }]
    });
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function sortableTables() {
    document.querySelectorAll('table.sortable').forEach(function (table) {
      table.querySelectorAll('th button[data-sort]').forEach(function (button) {
        button.addEventListener('click', function () {
          var th = button.closest('th');
          var index = Array.prototype.indexOf.call(th.parentNode.children, th);
          var numeric = button.getAttribute('data-sort') === 'number';
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[index].textContent.trim();
            var y = b.cells[index].textContent.trim();
            var c;
            if (numeric) {
              var nx = x === '' ? -Infinity : parseFloat(x);
              var ny = y === '' ? -Infinity : parseFloat(y);
              c = nx - ny;
            } else {
              c = x.localeCompare(y);
            }
            return ascending ? c : -c;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
  }

  // Any chart a page describes in a data-chart attribute: {type: line|bar, categories, series: [{name, data}]}
  function charts() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var chart = echarts.init(el, null, { renderer: 'canvas' });
      var dark = document.body.classList.contains('board');
      var ink = dark ? '#e2e8f0' : '#1d2433';
      chart.setOption({
        animation: false,
        textStyle: dark ? { color: '#e2e8f0' } : undefined,
        color: dark ? ['#60a5fa', '#fb923c', '#4ade80', '#c084fc'] : ['#1f5fa8', '#c2410c', '#15803d', '#7c3aed'],
        grid: { left: 48, right: 16, top: data.series.length > 1 ? 36 : 16, bottom: 48 },
        tooltip: { trigger: 'axis' },
        legend: data.series.length > 1 ? { top: 0, textStyle: { color: ink } } : undefined,
        xAxis: { type: 'category', data: data.categories,
          axisLabel: { rotate: data.categories.length > 6 ? 45 : 0, color: ink } },
        yAxis: { type: 'value', scale: data.type === 'line', axisLabel: { color: ink } },
        series: data.series.map(function (s) {
          return { name: s.name, type: data.type, data: s.data, connectNulls: false, symbolSize: 8,
            label: { show: true, position: 'top', color: ink } };
        })
      });
      el.setAttribute('data-rendered', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // A board on a wall display reloads itself (the page says how often, in seconds)
  function autoRefresh() {
    var el = document.querySelector('[data-refresh]');
    if (el) {
      window.setTimeout(function () { window.location.reload(); },
        1000 * parseInt(el.getAttribute('data-refresh'), 10));
    }
  }

  // "Appeal this day" and "Appeal this record" fill in the appeal form's record with the day, or the record's kind,
  // source system, id and revision
  function pointAtDays() {
    var input = document.getElementById('dataPoint');
    document.querySelectorAll('a.point[data-point]').forEach(function (a) {
      a.addEventListener('click', function () {
        if (input) {
          input.value = a.getAttribute('data-point');
          input.focus();
        }
      });
    });
  }

  // "Add a row" under a form's repeated rows (data-add-row: the id of their tbody): a copy of the last row, emptied
  function addRows() {
    document.querySelectorAll('button[data-add-row]').forEach(function (button) {
      button.addEventListener('click', function () {
        var body = document.getElementById(button.getAttribute('data-add-row'));
        var last = body && body.rows.length ? body.rows[body.rows.length - 1] : null;
        if (!last) {
          return;
        }
        var row = last.cloneNode(true);
        row.querySelectorAll('input').forEach(function (i) { i.value = ''; });
        row.querySelectorAll('select').forEach(function (s) { s.selectedIndex = 0; });
        body.appendChild(row);
        var first = row.querySelector('input, select');
        if (first) {
          first.focus();
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    addRows();
    pointAtDays();
    charts();
    autoRefresh();
    trendChart();
    sortableTables();
  });
}());
