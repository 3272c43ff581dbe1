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

  document.addEventListener('DOMContentLoaded', function () {
    trendChart();
    sortableTables();
  });
}());
