import { describe, expect, it } from 'vitest';
import { sectors, type Sector } from '../../domain/network.js';
import {
  boxesOverlap,
  boxTouchesCircle,
  ecomapMetrics,
  estimateTextWidth,
  layoutEcomap,
  type Box,
  type EcomapLayout,
  type EcomapMemberInput,
} from './ecomap-layout';

const names = [
  'Mum',
  'Grandad Tomasz',
  'Aunty Precious Oluwaseun-Adebayo',
  'Mr Whitfield (head of year)',
  'Dr Ngozi Chukwuemeka-Williams, community paediatrician',
  'Kai',
  'St Mary’s food bank',
  'Wiktoria Zielińska-Kowalczyk',
  'Housing officer',
  'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW',
  'Youth offending team',
  'Li',
];

/** `count` members spread over the sectors the way real networks are: lumpy. */
function members(count: number, spread: 'lumpy' | 'one-sector' | 'even' = 'lumpy'): EcomapMemberInput[] {
  return Array.from({ length: count }, (_, index) => {
    const sector: Sector =
      spread === 'one-sector'
        ? 'family'
        : spread === 'even'
          ? sectors[index % sectors.length]!
          : sectors[[0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10][index % 15]!]!;
    const marks = index % 7 === 3 ? ['⚠ Risk'] : index % 5 === 1 ? ['Shares updates', 'Ended'] : [];
    return { id: `m${index}`, name: `${names[index % names.length]!} ${index}`, sector, marks };
  });
}

const options = {
  centreName: 'Amara Okonkwo-Richardson',
  sectorLabel: (sector: Sector) => sector.replace('_', ' and '),
};

function inside(box: Box, view: Box): boolean {
  return (
    box.x >= view.x &&
    box.y >= view.y &&
    box.x + box.width <= view.x + view.width &&
    box.y + box.height <= view.y + view.height
  );
}

function nodeBox(node: { x: number; y: number; r: number }): Box {
  return { x: node.x - node.r, y: node.y - node.r, width: 2 * node.r, height: 2 * node.r };
}

function checkLayout(layout: EcomapLayout, count: number): void {
  expect(layout.nodes).toHaveLength(count);
  expect(layout.labels.filter((label) => label.kind === 'member')).toHaveLength(count);

  // No two label boxes overlap.
  for (let i = 0; i < layout.labels.length; i += 1) {
    for (let j = i + 1; j < layout.labels.length; j += 1) {
      const a = layout.labels[i]!;
      const b = layout.labels[j]!;
      expect(boxesOverlap(a.box, b.box), `labels ${a.id} and ${b.id} overlap`).toBe(false);
    }
  }
  // Every node, and every label, is inside the view.
  for (const node of layout.nodes) {
    expect(inside(nodeBox(node), layout.viewBox), `node ${node.id} outside the view`).toBe(true);
  }
  for (const label of layout.labels) {
    expect(inside(label.box, layout.viewBox), `label ${label.id} outside the view`).toBe(true);
  }
  // No label covers a node or the person at the centre.
  for (const label of layout.labels) {
    for (const node of [...layout.nodes, layout.centre]) {
      expect(boxTouchesCircle(label.box, node), `label ${label.id} covers a node`).toBe(false);
    }
  }
  // Nodes keep apart from each other and from the centre.
  for (let i = 0; i < layout.nodes.length; i += 1) {
    const a = layout.nodes[i]!;
    expect(Math.hypot(a.x, a.y)).toBeGreaterThan(layout.centre.r + a.r + 40);
    for (let j = i + 1; j < layout.nodes.length; j += 1) {
      const b = layout.nodes[j]!;
      expect(Math.hypot(a.x - b.x, a.y - b.y), `nodes ${a.id} and ${b.id} touch`).toBeGreaterThanOrEqual(a.r + b.r + 8);
    }
  }
  // Every label fits its box, and long names are shortened, with the full text kept.
  for (const label of layout.labels) {
    expect(label.box.width).toBeLessThanOrEqual(ecomapMetrics.maxLabelWidth);
    for (const line of label.lines) {
      expect(estimateTextWidth(line.text, line.fontSize, line.bold)).toBeLessThanOrEqual(label.box.width + 0.001);
      if (line.text !== line.full) {
        expect(line.text.endsWith('…')).toBe(true);
      }
    }
  }
}

describe('ecomap layout', () => {
  for (const count of [1, 5, 15, 30, 45]) {
    it(`places ${count} member${count === 1 ? '' : 's'} with no overlapping labels, all inside the view`, () => {
      checkLayout(layoutEcomap(members(count), options), count);
    });
  }

  it.each([
    ['all in one sector', 45, 'one-sector'],
    ['spread evenly over every sector', 33, 'even'],
    ['in one sector, a few', 4, 'one-sector'],
  ] as const)('stays readable with members %s', (_, count, spread) => {
    checkLayout(layoutEcomap(members(count, spread), options), count);
  });

  it('uses more rings as the network grows, and every sector gets its heading', () => {
    expect(layoutEcomap(members(5), options).rings).toHaveLength(1);
    expect(layoutEcomap(members(15), options).rings).toHaveLength(2);
    expect(layoutEcomap(members(45), options).rings).toHaveLength(3);
    const layout = layoutEcomap(members(30, 'even'), options);
    for (const sector of sectors) {
      expect(layout.labels.some((label) => label.id === `sector:${sector}`)).toBe(true);
    }
  });

  it('gives each sector an arc as wide as its share of the members', () => {
    const layout = layoutEcomap(members(30), options);
    const width = (arc: { startAngle: number; endAngle: number }) => arc.endAngle - arc.startAngle;
    const family = layout.sectors.find((arc) => arc.sector === 'family')!;
    const friends = layout.sectors.find((arc) => arc.sector === 'friends')!;
    expect(width(family) / family.count).toBeCloseTo(width(friends) / friends.count, 6);
    // Nodes sit within their sector's arc.
    for (const node of layout.nodes) {
      const arc = layout.sectors.find((candidate) => candidate.sector === node.sector)!;
      expect(node.angle).toBeGreaterThan(arc.startAngle);
      expect(node.angle).toBeLessThan(arc.endAngle);
    }
  });

  it('draws nothing but the person when the network is empty', () => {
    const layout = layoutEcomap([], options);
    expect(layout.nodes).toEqual([]);
    expect(layout.labels).toEqual([]);
    // The name at the centre is shortened to fit its circle; the full name stays for the tooltip.
    expect(layout.centre.lines.length).toBeGreaterThanOrEqual(1);
    expect(layout.centre.lines[0]!.full).toBe('Amara Okonkwo-Richardson');
    for (const line of layout.centre.lines) {
      expect(estimateTextWidth(line.text, line.fontSize, line.bold)).toBeLessThanOrEqual(2 * layout.centre.r);
    }
  });

  it('is the same for the same members (no randomness)', () => {
    expect(layoutEcomap(members(15), options)).toEqual(layoutEcomap(members(15), options));
  });
});
