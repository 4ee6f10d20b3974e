import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GoalView } from '../../domain/plans.js';
import { useDateFormat } from '../i18n/format';
import { progressBox, progressLine } from './progress-line';

/** The person's own 0–10 scores over time: a small line, a sentence, and the table behind it. */
export function ProgressChart({ progress }: { progress: GoalView['progress'] }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  if (progress.length === 0) {
    return <Text size="sm">{t('goals.progress.none')}</Text>;
  }
  const line = progressLine(progress);
  const first = line.points[0]!;
  const latest = line.points.at(-1)!;
  return (
    <>
      <Text size="sm">
        {t('goals.progress.summary', {
          count: progress.length,
          first: first.score,
          latest: latest.score,
          date: format.calendarDate(latest.ratedOn),
        })}
      </Text>
      <svg
        viewBox={`0 0 ${progressBox.width} ${progressBox.height}`}
        width="100%"
        style={{ maxWidth: progressBox.width }}
        role="img"
        aria-label={t('goals.progress.chartLabel')}
      >
        {line.yTicks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={progressBox.left}
              x2={progressBox.width - progressBox.right}
              y1={tick.y}
              y2={tick.y}
              stroke="#ced4da"
            />
            <text x={progressBox.left - 6} y={tick.y + 4} fontSize="10" textAnchor="end" fill="#495057">
              {tick.value}
            </text>
          </g>
        ))}
        <path d={line.path} fill="none" stroke="#0b7285" strokeWidth="2" />
        {line.points.map((point) => (
          <circle key={`${point.ratedOn}-${point.x}`} cx={point.x} cy={point.y} r="3.5" fill="#0b7285" />
        ))}
      </svg>
      <VisuallyHidden>
        <Table>
          <caption>{t('goals.progress.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('goals.progress.date')}</th>
              <th scope="col">{t('goals.progress.score')}</th>
              <th scope="col">{t('goals.progress.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {line.points.map((point, index) => (
              <tr key={index}>
                <td>{format.calendarDate(point.ratedOn)}</td>
                <td>{point.score}</td>
                <td>{point.comment ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}
