import { sectors, type Sector } from '../../domain/network.js';
import { estimateTextWidth, fitText, type Box } from './ecomap-text';

export { boxesOverlap, boxTouchesCircle, estimateTextWidth, fitText, type Box } from './ecomap-text';

/**
 * The ecomap's geometry, as a pure function: members in, node and label positions out. No React,
 * no DOM: the drawing (ecomap.tsx) only paints what this decides, and the unit test checks it.
 *
 * How it stays readable with many members:
 * - Sectors (Hartman's family, friends, services…) are arcs around the person, in a fixed order,
 *   each as wide as its number of members.
 * - Nodes sit on one ring; with more than 12 members they alternate between two rings, with more
 *   than 28 between three, and the rings grow until neighbours on a ring cannot touch.
 * - Labels sit outside the outermost ring, horizontally, on the right or left half. On each half
 *   they are stacked top to bottom in the order of their nodes, pushed apart where they would
 *   collide, and slid along a circle so that none can reach into the rings. A thin leader line joins
 *   each label to its node. Each sector's name heads its group of labels.
 * - Long names are shortened with "…"; the full text stays in `full` (a tooltip in the drawing).
 * Text widths are estimated generously from the characters, so a label never outgrows its box.
 */

export interface EcomapMemberInput {
  id: string;
  name: string;
  sector: Sector;
  /** Short notes under the name ("Risk", "Shares updates", "Ended"), in the reader's language. */
  marks?: string[];
}

export interface EcomapNode {
  id: string;
  sector: Sector;
  x: number;
  y: number;
  r: number;
  /** Radians, clockwise from the right (screen coordinates: y grows downwards). */
  angle: number;
  ring: number;
}

export interface LabelLine {
  text: string;
  /** The text before shortening. */
  full: string;
  fontSize: number;
  bold: boolean;
  /** Baseline, in the drawing's coordinates. */
  x: number;
  y: number;
}

export interface EcomapLabel {
  /** The member's id, or `sector:<sector>` for a sector's heading. */
  id: string;
  kind: 'member' | 'sector';
  sector: Sector;
  side: 'left' | 'right';
  anchor: 'start' | 'end';
  lines: LabelLine[];
  box: Box;
  /** From the node's edge to the label, for members. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface EcomapSectorArc {
  sector: Sector;
  startAngle: number;
  endAngle: number;
  count: number;
}

export interface EcomapLayout {
  viewBox: Box;
  centre: { x: number; y: number; r: number; lines: LabelLine[] };
  nodes: EcomapNode[];
  labels: EcomapLabel[];
  sectors: EcomapSectorArc[];
  rings: number[];
  /** Radius inside which no label reaches. */
  labelRadius: number;
}

export interface EcomapOptions {
  /** The person at the centre: the name they use. */
  centreName: string;
  sectorLabel: (sector: Sector) => string;
}

export const ecomapMetrics = {
  nodeRadius: 14,
  centreRadius: 54,
  nameFontSize: 13,
  markFontSize: 11,
  sectorFontSize: 12,
  lineGap: 3,
  labelSpacing: 4,
  maxLabelWidth: 170,
  margin: 16,
} as const;

const TAU = Math.PI * 2;
const sectorGap = 0.08; // radians between sectors

/** Members in drawing order: by sector (Hartman's order), keeping the given order within a sector. */
function ordered(members: readonly EcomapMemberInput[]): EcomapMemberInput[] {
  return members
    .map((member, index) => ({ member, index }))
    .sort((a, b) => sectors.indexOf(a.member.sector) - sectors.indexOf(b.member.sector) || a.index - b.index)
    .map(({ member }) => member);
}

function ringCount(count: number): number {
  return count <= 12 ? 1 : count <= 28 ? 2 : 3;
}

interface PendingLabel {
  label: Omit<EcomapLabel, 'box' | 'lines' | 'leader'> & {
    lines: Omit<LabelLine, 'x' | 'y'>[];
    width: number;
    height: number;
  };
  idealY: number;
  order: number;
  node: EcomapNode | null;
}

function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.25);
}

export function layoutEcomap(members: readonly EcomapMemberInput[], options: EcomapOptions): EcomapLayout {
  const m = ecomapMetrics;
  const list = ordered(members);
  const count = list.length;
  const sectorsUsed = sectors.filter((sector) => list.some((member) => member.sector === sector));
  const gaps = sectorsUsed.length > 1 ? sectorsUsed.length * sectorGap : 0;
  const unit = count > 0 ? (TAU - gaps) / count : TAU;
  const rings = ringCount(count);

  // Rings: wide enough that neighbours on a ring keep apart, and that lines to outer rings pass
  // clear of the nodes on inner ones.
  const minSeparation = 2 * m.nodeRadius + 10;
  const ringGap = 2 * m.nodeRadius + 14;
  let inner = m.centreRadius + m.nodeRadius + 70;
  if (count > 1) {
    inner = Math.max(inner, minSeparation / (2 * Math.sin(Math.min(rings * unit, Math.PI) / 2)));
  }
  if (rings > 1) {
    inner = Math.max(inner, (m.nodeRadius + 8) / Math.sin(unit));
  }
  const ringRadii = Array.from({ length: rings }, (_, ring) => inner + ring * ringGap);
  const outer = ringRadii[rings - 1]!;
  const labelRadius = outer + m.nodeRadius + 14;

  // Angles: the first member at the top, then clockwise, a small gap between sectors.
  const nodes: EcomapNode[] = [];
  const arcs: EcomapSectorArc[] = [];
  let cursor = -Math.PI / 2 - unit / 2;
  let index = 0;
  for (const sector of sectorsUsed) {
    const inSector = list.filter((member) => member.sector === sector);
    const start = cursor;
    for (const member of inSector) {
      const angle = cursor + unit / 2;
      const ring = rings === 1 ? 0 : (rings - 1 - (index % rings)) % rings;
      const radius = ringRadii[ring]!;
      nodes.push({
        id: member.id,
        sector,
        x: radius * Math.cos(angle),
        y: radius * Math.sin(angle),
        r: m.nodeRadius,
        angle,
        ring,
      });
      cursor += unit;
      index += 1;
    }
    arcs.push({ sector, startAngle: start, endAngle: cursor, count: inSector.length });
    cursor += sectorsUsed.length > 1 ? sectorGap : 0;
  }

  // Labels, per half: members, and a heading for each sector's group on that half.
  const pending: Record<'left' | 'right', PendingLabel[]> = { left: [], right: [] };
  const sideOf = (angle: number): 'left' | 'right' => {
    const cos = Math.cos(angle);
    return cos > 1e-9 || (Math.abs(cos) <= 1e-9 && Math.sin(angle) < 0) ? 'right' : 'left';
  };
  nodes.forEach((node, order) => {
    const member = list[order]!;
    const side = sideOf(node.angle);
    const lines: Omit<LabelLine, 'x' | 'y'>[] = [
      {
        text: fitText(member.name, m.maxLabelWidth, m.nameFontSize, true),
        full: member.name,
        fontSize: m.nameFontSize,
        bold: true,
      },
    ];
    const marks = (member.marks ?? []).join(' · ');
    if (marks) {
      lines.push({
        text: fitText(marks, m.maxLabelWidth, m.markFontSize),
        full: marks,
        fontSize: m.markFontSize,
        bold: false,
      });
    }
    pending[side].push({
      label: {
        id: member.id,
        kind: 'member',
        sector: node.sector,
        side,
        anchor: side === 'right' ? 'start' : 'end',
        lines,
        width: Math.max(...lines.map((line) => estimateTextWidth(line.text, line.fontSize, line.bold))),
        height: lines.reduce((sum, line) => sum + lineHeight(line.fontSize), 0) + (lines.length - 1) * m.lineGap,
      },
      idealY: labelRadius * Math.sin(node.angle),
      order,
      node,
    });
  });
  for (const side of ['right', 'left'] as const) {
    for (const sector of sectorsUsed) {
      const group = pending[side].filter((item) => item.label.kind === 'member' && item.label.sector === sector);
      if (group.length === 0) {
        continue;
      }
      const name = options.sectorLabel(sector);
      const text = fitText(name, m.maxLabelWidth, m.sectorFontSize, true);
      pending[side].push({
        label: {
          id: `sector:${sector}`,
          kind: 'sector',
          sector,
          side,
          anchor: side === 'right' ? 'start' : 'end',
          lines: [{ text, full: name, fontSize: m.sectorFontSize, bold: true }],
          width: estimateTextWidth(text, m.sectorFontSize, true),
          height: lineHeight(m.sectorFontSize),
        },
        // Just above the group's first label, so it heads the group.
        idealY: Math.min(...group.map((item) => item.idealY)) - 0.001,
        order: Math.min(...group.map((item) => item.order)) - 0.5,
        node: null,
      });
    }
  }

  const labels: EcomapLabel[] = [];
  for (const side of ['right', 'left'] as const) {
    labels.push(...placeSide(pending[side], side, labelRadius));
  }

  // The person at the centre: the name on up to two lines, inside the circle.
  const centreLines = centreNameLines(options.centreName, m.centreRadius * 1.8);
  const centreHeight = centreLines.length * lineHeight(m.nameFontSize);
  const centre = {
    x: 0,
    y: 0,
    r: m.centreRadius,
    lines: centreLines.map((line, position) => ({
      ...line,
      x: 0,
      y: -centreHeight / 2 + (position + 1) * lineHeight(m.nameFontSize) - 4,
    })),
  };

  // The view: everything drawn, plus a margin.
  const boxes: Box[] = [
    { x: -labelRadius, y: -labelRadius, width: 2 * labelRadius, height: 2 * labelRadius },
    ...labels.map((label) => label.box),
  ];
  const minX = Math.min(...boxes.map((box) => box.x)) - m.margin;
  const minY = Math.min(...boxes.map((box) => box.y)) - m.margin;
  const maxX = Math.max(...boxes.map((box) => box.x + box.width)) + m.margin;
  const maxY = Math.max(...boxes.map((box) => box.y + box.height)) + m.margin;
  // Symmetric about the centre, so the person stays in the middle of the picture.
  const halfWidth = Math.ceil(Math.max(-minX, maxX));
  const halfHeight = Math.ceil(Math.max(-minY, maxY));
  return {
    viewBox: { x: -halfWidth, y: -halfHeight, width: 2 * halfWidth, height: 2 * halfHeight },
    centre,
    nodes,
    labels,
    sectors: arcs,
    rings: ringRadii,
    labelRadius,
  };
}

/**
 * One half's labels: in the order of their nodes from top to bottom. Labels that would collide are
 * gathered into a stack, and each stack sits where its labels want to be on average (stacks that
 * then collide merge, and so on), so every label is at least its own height from the next. Then
 * each is slid outwards along the label circle so no box reaches inside it.
 */
function placeSide(items: PendingLabel[], side: 'left' | 'right', labelRadius: number): EcomapLabel[] {
  const m = ecomapMetrics;
  const sorted = [...items].sort((a, b) => a.idealY - b.idealY || a.order - b.order);
  const idealTop = (item: PendingLabel) => item.idealY - item.label.height / 2;
  interface Stack {
    members: { item: PendingLabel; offset: number }[];
    height: number;
    top: number;
  }
  const stacks: Stack[] = [];
  for (const item of sorted) {
    stacks.push({ members: [{ item, offset: 0 }], height: item.label.height, top: idealTop(item) });
    while (stacks.length > 1) {
      const last = stacks[stacks.length - 1]!;
      const previous = stacks[stacks.length - 2]!;
      if (previous.top + previous.height + m.labelSpacing <= last.top) {
        break;
      }
      const shift = previous.height + m.labelSpacing;
      const members = [
        ...previous.members,
        ...last.members.map((member) => ({ item: member.item, offset: member.offset + shift })),
      ];
      const top = members.reduce((sum, member) => sum + idealTop(member.item) - member.offset, 0) / members.length;
      stacks.splice(stacks.length - 2, 2, { members, height: shift + last.height, top });
    }
  }
  const centres = new Map<PendingLabel, number>();
  for (const stack of stacks) {
    for (const member of stack.members) {
      centres.set(member.item, stack.top + member.offset + member.item.label.height / 2);
    }
  }
  const sign = side === 'right' ? 1 : -1;
  return sorted.map((item) => {
    const centreY = centres.get(item)!;
    const top = centreY - item.label.height / 2;
    const bottom = centreY + item.label.height / 2;
    // The point of the box nearest the centre must stay outside the label circle.
    const nearestY = top > 0 ? top : bottom < 0 ? bottom : 0;
    const inset = Math.max(6, Math.sqrt(Math.max(0, labelRadius * labelRadius - nearestY * nearestY)));
    const boxX = side === 'right' ? inset : -inset - item.label.width;
    const textX = sign * inset;
    let baseline = top;
    const lines = item.label.lines.map((line, lineIndex) => {
      baseline += lineHeight(line.fontSize) + (lineIndex > 0 ? m.lineGap : 0);
      return { ...line, x: textX, y: baseline - Math.ceil(line.fontSize * 0.28) };
    });
    const firstLineMiddle = top + lineHeight(item.label.lines[0]!.fontSize) / 2;
    const node = item.node;
    const leader = node
      ? {
          x1: node.x + node.r * Math.cos(node.angle),
          y1: node.y + node.r * Math.sin(node.angle),
          x2: textX - sign * 3,
          y2: firstLineMiddle,
        }
      : null;
    const { width, height, ...rest } = item.label;
    return {
      ...rest,
      lines,
      box: { x: boxX, y: top, width, height },
      leader,
    };
  });
}

function centreNameLines(name: string, maxWidth: number): Omit<LabelLine, 'x' | 'y'>[] {
  const m = ecomapMetrics;
  const words = name.trim().split(/\s+/);
  const line = (text: string) => ({
    text: fitText(text, maxWidth, m.nameFontSize, true),
    full: name,
    fontSize: m.nameFontSize,
    bold: true,
  });
  if (words.length <= 1 || estimateTextWidth(name, m.nameFontSize, true) <= maxWidth) {
    return [line(name)];
  }
  // Split where the two lines are most even.
  let best = 1;
  let bestDifference = Infinity;
  for (let split = 1; split < words.length; split += 1) {
    const difference = Math.abs(
      estimateTextWidth(words.slice(0, split).join(' '), m.nameFontSize) -
        estimateTextWidth(words.slice(split).join(' '), m.nameFontSize),
    );
    if (difference < bestDifference) {
      best = split;
      bestDifference = difference;
    }
  }
  return [line(words.slice(0, best).join(' ')), line(words.slice(best).join(' '))];
}
