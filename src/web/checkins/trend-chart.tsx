import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDateFormat } from '../i18n/format';
import type { Trend } from './trend';

/** One instrument's totals over time (our own SVG), contacts marked along the bottom, and the table behind it. */
export function TrendChart({ trend, personName }: { trend: Trend; personName: string }) {
  const { t } = useTranslation();
  const format = useDateFormat();
  const { box } = trend;
  const bottom = box.height - box.bottom;
  const first = trend.points[0]!;
  const last = trend.points.at(-1)!;
  const range = { min: trend.min, max: trend.max };
  return (
    <Stack gap={4} data-testid="trend" data-instrument={trend.instrumentKey}>
      <Title order={3} size="h4">
        {trend.title}
      </Title>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        width="100%"
        style={{ maxWidth: 480 }}
        role="img"
        aria-label={t('voice.trend.chartLabel', { title: trend.title, ...range })}
      >
        {trend.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke="#ced4da" />
            <text x={box.left - 6} y={tick.y + 4} fontSize="10" textAnchor="end" fill="#495057">
              {tick.value}
            </text>
          </g>
        ))}
        {trend.contacts.map((contact) => (
          <line
            key={contact.id}
            x1={contact.x}
            x2={contact.x}
            y1={bottom + 4}
            y2={bottom + 12}
            stroke="#5f3dc4"
            strokeWidth="2"
          />
        ))}
        <text x={box.left} y={box.height - 2} fontSize="10" fill="#495057">
          {format.date(first.completedAt)}
        </text>
        {trend.points.length > 1 && (
          <text x={box.width - box.right} y={box.height - 2} fontSize="10" textAnchor="end" fill="#495057">
            {format.date(last.completedAt)}
          </text>
        )}
        <path d={trend.path} fill="none" stroke="#0b7285" strokeWidth="2" />
        {trend.points.map((point) => (
          <circle
            key={point.id}
            cx={point.x}
            cy={point.y}
            r={point.alerted ? 5 : 3.5}
            fill={point.alerted ? '#c92a2a' : '#0b7285'}
            data-testid="trend-point"
          />
        ))}
      </svg>
      <Text size="sm">
        {t('voice.trend.contactsKey', { name: personName })}{' '}
        {t('voice.trend.contactsBetween', { count: trend.contacts.length })}
      </Text>
      <VisuallyHidden>
        <Table>
          <caption>{t('voice.trend.tableCaption', { title: trend.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('voice.trend.date')}</th>
              <th scope="col">{t('voice.trend.total', range)}</th>
              <th scope="col">{t('voice.trend.raised')}</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((point) => (
              <tr key={point.id}>
                <td>{format.dateTime(point.completedAt)}</td>
                <td>{point.total}</td>
                <td>{point.alerted ? t('voice.trend.yes') : t('voice.trend.no')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Stack>
  );
}
