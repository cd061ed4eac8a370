/**
 * One unit's figures over time, hand-drawn in SVG from lib/library/chart.ts's numbers:
 * a line through the points and a dot on each. Accessible as an image with a title and a
 * description (what, how many, from when to when), and as the same data in a table for
 * screen readers, since a line's shape cannot be read out.
 */
import { formatNumber } from '@/lib/format/entity';
import type { Translate } from '@/lib/i18n';
import { linearScale, niceTicks, timeTicks, type Series } from '@/lib/library/chart';
import { compactNumber, formatDay, formatMonth, isolate } from '@/lib/library/format';

const W = 720;
const H = 260;
const M = { top: 16, right: 20, bottom: 48, left: 84 };

export interface LedgerChartProps {
  series: Series;
  unit: string;
  t: Translate;
  locale: string;
}

export function LedgerChart({ series, unit, t, locale }: LedgerChartProps) {
  const { points, bucketed } = series;
  if (points.length === 0) return <p class="empty">{t('libraryChartEmpty')}</p>;

  const times = points.map((p) => p.time);
  const values = points.map((p) => p.value);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const y = niceTicks(Math.min(...values), Math.max(...values), 5);
  const xScale = linearScale([t0, t1], [M.left, W - M.right]);
  const yScale = linearScale(y.domain, [H - M.bottom, M.top]);
  const xTicks = timeTicks(t0, t1, 7);
  const monthly = t1 - t0 >= 62 * 86_400_000;
  const tickLabel = (time: number) => (monthly ? formatMonth(time, locale) : formatDay(time, locale));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${xScale(p.time).toFixed(1)},${yScale(p.value).toFixed(1)}`).join('');
  const count = points.reduce((n, p) => n + p.count, 0);
  const number = new Intl.NumberFormat(locale);
  // The unit is page text in SVG, where <bdi> does not exist.
  const title = t('libraryChartTitle', [isolate(unit)]);
  const desc = `${t('libraryChartDesc', [number.format(count), formatDay(t0, locale), formatDay(t1, locale)])}${bucketed ? ` ${t('libraryChartMonthly')}` : ''}`;

  return (
    <figure class="chart">
      <figcaption>
        <h3 id="chart-heading">{title}</h3>
        <p>{desc}</p>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" preserveAspectRatio="xMidYMid meet">
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{desc}</desc>
        <g class="grid">
          {y.ticks.map((v) => (
            <line key={v} x1={M.left} x2={W - M.right} y1={yScale(v)} y2={yScale(v)} />
          ))}
        </g>
        <g class="axis y">
          <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
          {y.ticks.map((v) => (
            <text key={v} x={M.left - 6} y={yScale(v)} text-anchor="end" dominant-baseline="middle">
              {compactNumber(v)}
            </text>
          ))}
          <text class="label" transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} text-anchor="middle">
            {t('libraryChartAxisValue', [isolate(unit)])}
          </text>
        </g>
        <g class="axis x">
          <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
          {xTicks.map((time) => (
            <g key={time}>
              <line x1={xScale(time)} x2={xScale(time)} y1={H - M.bottom} y2={H - M.bottom + 5} />
              <text x={xScale(time)} y={H - M.bottom + 18} text-anchor="middle">
                {tickLabel(time)}
              </text>
            </g>
          ))}
          <text class="label" x={(M.left + W - M.right) / 2} y={H - 6} text-anchor="middle">
            {t('libraryChartAxisTime')}
          </text>
        </g>
        <path class="line" d={path} />
        <g class="dots">
          {points.map((p) => (
            <circle key={`${p.label}-${p.time}-${p.value}`} cx={xScale(p.time)} cy={yScale(p.value)} r={points.length > 120 ? 2 : 3.5} />
          ))}
        </g>
      </svg>
      <table class="visually-hidden">
        <caption>{t('libraryChartData')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('libraryChartColDate')}</th>
            <th scope="col">{bucketed ? t('libraryChartColMedian') : t('fieldValue')}</th>
            {bucketed && <th scope="col">{t('libraryChartColCount')}</th>}
            {bucketed && <th scope="col">{t('libraryChartColRange')}</th>}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.label}-${p.time}-${p.value}`}>
              <th scope="row">{bucketed ? formatMonth(p.time, locale) : formatDay(p.time, locale)}</th>
              <td>{formatNumber(p.value)}</td>
              {bucketed && <td>{number.format(p.count)}</td>}
              {bucketed && <td>{`${formatNumber(p.min)} – ${formatNumber(p.max)}`}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
