import { useMemo, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkMember, TieStrength } from '../../domain/network.js';
import './ecomap.css';
import { layoutEcomap, type EcomapLabel, type EcomapNode, type EcomapSectorArc } from './ecomap-layout';

interface Props {
  personName: string;
  members: NetworkMember[];
  /** Members with a current consent to share updates with them. */
  sharesUpdates: ReadonlySet<string>;
  onOpen: (member: NetworkMember) => void;
  ref?: Ref<SVGSVGElement>;
}

// Colours are drawn as attributes, not classes, so an exported file looks the same on its own.
const ink = { strong: '#08443b', tenuous: '#495057', stressful: '#9b2222', ended: '#868e96' } as const;
const lineStyles: Record<TieStrength, string> = { strong: 'solid-thick', tenuous: 'dashed', stressful: 'hatched' };
const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/**
 * The ecomap (Hartman): the person at the centre, the people and services in their life around
 * them by sector. Strong ties are thick solid lines, tenuous ones dashed, stressful ones crossed
 * with ticks; arrows show which way support flows. Each tie can be focused and opened to edit.
 * Screen readers get the image's name here and the same ties as a list beside it.
 */
export function Ecomap({ personName, members, sharesUpdates, onOpen, ref }: Props) {
  const { t } = useTranslation();
  const layout = useMemo(
    () =>
      layoutEcomap(
        members.map((member) => ({
          id: member.id,
          name: member.name,
          sector: member.sector,
          marks: [
            ...(member.isRisk ? [t('network.ecomap.riskMark')] : []),
            ...(sharesUpdates.has(member.id) ? [t('network.ecomap.sharesMark')] : []),
            ...(member.endedOn ? [t('network.ecomap.endedMark')] : []),
          ],
        })),
        { centreName: personName, sectorLabel: (sector) => t(`network.sectors.${sector}`) },
      ),
    [members, sharesUpdates, personName, t],
  );
  const byId = new Map(members.map((member) => [member.id, member]));
  const labelsById = new Map(layout.labels.map((label) => [label.id, label]));
  const current = members.filter((member) => !member.endedOn).length;
  const name = t('network.ecomap.label', { name: personName, count: current });
  const { x, y, width, height } = layout.viewBox;

  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${x} ${y} ${width} ${height}`}
      role="img"
      aria-label={name}
      className="ecomap"
      fontFamily={fontFamily}
      style={{ width: '100%', maxWidth: Math.round(width * 1.15), height: 'auto', display: 'block' }}
    >
      <title>{name}</title>
      <rect x={x} y={y} width={width} height={height} fill="#ffffff" pointerEvents="none" />
      {layout.sectors.map((arc, index) => (
        <path
          key={arc.sector}
          d={wedge(arc, layout.centre.r + 4, layout.labelRadius - 6)}
          fill={index % 2 === 0 ? '#eef5f3' : '#f4f4f6'}
          pointerEvents="none"
        />
      ))}
      {layout.nodes.map((node) => {
        const member = byId.get(node.id)!;
        return (
          <Tie
            key={node.id}
            member={member}
            node={node}
            label={labelsById.get(node.id)!}
            centreRadius={layout.centre.r}
            sharesUpdates={sharesUpdates.has(member.id)}
            onOpen={onOpen}
          />
        );
      })}
      {layout.labels
        .filter((label) => label.kind === 'sector')
        .map((label) => (
          <LabelText key={label.id} label={label} fill="#343a40" />
        ))}
      <circle cx={0} cy={0} r={layout.centre.r} fill="#0b5449" />
      <text textAnchor="middle" fill="#ffffff" fontWeight={700}>
        <title>{personName}</title>
        {layout.centre.lines.map((line, index) => (
          <tspan key={index} x={line.x} y={line.y} fontSize={line.fontSize}>
            {line.text}
          </tspan>
        ))}
      </text>
    </svg>
  );
}

interface TieProps {
  member: NetworkMember;
  node: EcomapNode;
  label: EcomapLabel;
  centreRadius: number;
  sharesUpdates: boolean;
  onOpen: (member: NetworkMember) => void;
}

function Tie({ member, node, label, centreRadius, sharesUpdates, onOpen }: TieProps) {
  const { t } = useTranslation();
  const colour = member.endedOn ? ink.ended : ink[member.strength];
  const direction = { x: Math.cos(node.angle), y: Math.sin(node.angle) };
  const start = { x: direction.x * (centreRadius + 2), y: direction.y * (centreRadius + 2) };
  const end = { x: node.x - direction.x * (node.r + 2), y: node.y - direction.y * (node.r + 2) };
  const line = `M${fmt(start.x)} ${fmt(start.y)}L${fmt(end.x)} ${fmt(end.y)}`;
  const toPerson = member.support === 'to_person' || member.support === 'both';
  const fromPerson = member.support === 'from_person' || member.support === 'both';
  const title = [
    `${member.name} — ${member.relationship}`,
    t(`network.strength.${member.strength}`),
    t(`network.supportShort.${member.support}`),
    ...(member.isRisk ? [t('network.ecomap.riskMark')] : []),
    ...(sharesUpdates ? [t('network.ecomap.sharesMark')] : []),
    ...(member.endedOn ? [t('network.ecomap.endedMark')] : []),
  ].join('. ');

  function onKeyDown(event: KeyboardEvent<SVGGElement>) {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(member);
    }
  }

  return (
    <g
      className="ecomap-tie"
      tabIndex={0}
      onClick={() => onOpen(member)}
      onKeyDown={onKeyDown}
      data-testid="ecomap-tie"
      data-member-id={member.id}
      data-member-name={member.name}
      data-strength={member.strength}
      data-line-style={lineStyles[member.strength]}
      data-support={member.support}
      data-risk={member.isRisk ? 'true' : 'false'}
      data-ended={member.endedOn ? 'true' : 'false'}
      data-shares-updates={sharesUpdates ? 'true' : 'false'}
      opacity={member.endedOn ? 0.75 : 1}
    >
      <title>{title}</title>
      {/* A wide, invisible line: easier to click than the drawn one. */}
      <path d={line} stroke="transparent" strokeWidth={16} fill="none" />
      {member.strength === 'strong' && <path d={line} stroke={colour} strokeWidth={4.5} fill="none" />}
      {member.strength === 'tenuous' && (
        <path d={line} stroke={colour} strokeWidth={2} strokeDasharray="7 5" fill="none" />
      )}
      {member.strength === 'stressful' && (
        <>
          <path d={line} stroke={colour} strokeWidth={2} fill="none" />
          <path d={ticks(start, end, direction)} stroke={colour} strokeWidth={1.75} fill="none" />
        </>
      )}
      {toPerson && <path d={arrowhead(start, { x: -direction.x, y: -direction.y })} fill={colour} />}
      {fromPerson && <path d={arrowhead(end, direction)} fill={colour} />}
      {label.leader && (
        <line
          x1={fmt(label.leader.x1)}
          y1={fmt(label.leader.y1)}
          x2={fmt(label.leader.x2)}
          y2={fmt(label.leader.y2)}
          stroke="#adb5bd"
          strokeWidth={1}
        />
      )}
      <circle
        className="ecomap-focus-ring"
        cx={fmt(node.x)}
        cy={fmt(node.y)}
        r={node.r + 5}
        fill="none"
        stroke="none"
      />
      <circle
        data-part="node"
        cx={fmt(node.x)}
        cy={fmt(node.y)}
        r={node.r}
        fill={member.isRisk ? '#fdecec' : '#ffffff'}
        stroke={member.isRisk ? '#b02a2a' : colour}
        strokeWidth={member.isRisk ? 3 : 2}
        strokeDasharray={member.endedOn ? '3 3' : undefined}
      />
      <text
        x={fmt(node.x)}
        y={fmt(node.y + 4.5)}
        textAnchor="middle"
        fontSize={13}
        fontWeight={700}
        fill={colour}
        pointerEvents="none"
      >
        {member.isRisk ? '!' : initial(member.name)}
      </text>
      {member.isRisk && <RiskFlag x={node.x + node.r * 0.75} y={node.y - node.r * 0.95} />}
      <LabelText label={label} fill={member.isRisk ? '#861c1c' : '#212529'} />
    </g>
  );
}

function LabelText({ label, fill }: { label: EcomapLabel; fill: string }) {
  return (
    <text textAnchor={label.anchor} fill={fill} className="ecomap-label">
      {label.lines.map((line, index) => (
        <tspan
          key={index}
          x={fmt(line.x)}
          y={fmt(line.y)}
          fontSize={line.fontSize}
          fontWeight={line.bold ? (label.kind === 'sector' ? 700 : 600) : 400}
        >
          {line.text}
        </tspan>
      ))}
    </text>
  );
}

/** A small warning triangle: the risk flag, beside the "Risk" mark in words. */
function RiskFlag({ x, y }: { x: number; y: number }) {
  return (
    <g transform={`translate(${fmt(x)} ${fmt(y)})`} pointerEvents="none">
      <path d="M0 -8L8 6H-8Z" fill="#b02a2a" stroke="#ffffff" strokeWidth={1.5} />
      <text x={0} y={4.5} textAnchor="middle" fontSize={9} fontWeight={700} fill="#ffffff">
        !
      </text>
    </g>
  );
}

function initial(name: string): string {
  return [...name.trim()][0]?.toUpperCase() ?? '?';
}

function fmt(value: number): number {
  return Math.round(value * 10) / 10;
}

interface Point {
  x: number;
  y: number;
}

/** An arrowhead whose tip is at `tip`, pointing along `direction`. */
function arrowhead(tip: Point, direction: Point): string {
  const length = 11;
  const half = 6;
  const base = { x: tip.x - direction.x * length, y: tip.y - direction.y * length };
  const normal = { x: -direction.y, y: direction.x };
  return `M${fmt(tip.x)} ${fmt(tip.y)}L${fmt(base.x + normal.x * half)} ${fmt(base.y + normal.y * half)}L${fmt(
    base.x - normal.x * half,
  )} ${fmt(base.y - normal.y * half)}Z`;
}

/** Short cross-ticks along a stressful tie, clear of the arrowheads. */
function ticks(start: Point, end: Point, direction: Point): string {
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  const normal = { x: -direction.y, y: direction.x };
  const parts: string[] = [];
  for (let along = 16; along <= length - 16; along += 9) {
    const cx = start.x + direction.x * along;
    const cy = start.y + direction.y * along;
    parts.push(
      `M${fmt(cx + normal.x * 5)} ${fmt(cy + normal.y * 5)}L${fmt(cx - normal.x * 5)} ${fmt(cy - normal.y * 5)}`,
    );
  }
  return parts.join('');
}

/** A ring segment from `inner` to `outer` radius over a sector's arc. */
function wedge(arc: EcomapSectorArc, inner: number, outer: number): string {
  const full = arc.endAngle - arc.startAngle >= Math.PI * 2 - 1e-6;
  const a0 = arc.startAngle;
  const a1 = full ? arc.endAngle - 1e-3 : arc.endAngle;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const point = (radius: number, angle: number) => `${fmt(radius * Math.cos(angle))} ${fmt(radius * Math.sin(angle))}`;
  return `M${point(inner, a0)}L${point(outer, a0)}A${outer} ${outer} 0 ${large} 1 ${point(outer, a1)}L${point(
    inner,
    a1,
  )}A${inner} ${inner} 0 ${large} 0 ${point(inner, a0)}Z`;
}
