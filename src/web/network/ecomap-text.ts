/** Text and box measures for the ecomap's layout: pure functions, no DOM. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A generous estimate of the width of `text` in a sans-serif font: wider than the real text in the
 * fonts we use, so boxes built from it always contain the drawn text.
 */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const character of text) {
    if ("iljI.,;:!|'’ ()[]".includes(character)) {
      units += 0.36;
    } else if ('mwMW@%&—'.includes(character)) {
      units += 0.98;
    } else if (/[A-Z0-9]/.test(character)) {
      units += 0.72;
    } else if (character.charCodeAt(0) > 0x2000) {
      units += 1.05; // symbols (⚠ ✓ …), CJK and other wide scripts
    } else {
      units += 0.6;
    }
  }
  return units * fontSize * (bold ? 1.08 : 1);
}

/** `text`, shortened with "…" until it fits `maxWidth`. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (estimateTextWidth(text, fontSize, bold) <= maxWidth) {
    return text;
  }
  const characters = [...text];
  while (characters.length > 1) {
    characters.pop();
    const candidate = `${characters.join('').trimEnd()}…`;
    if (estimateTextWidth(candidate, fontSize, bold) <= maxWidth) {
      return candidate;
    }
  }
  return '…';
}

/** Whether two boxes overlap (touching edges do not count). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Whether a box and a circle overlap. */
export function boxTouchesCircle(box: Box, circle: { x: number; y: number; r: number }): boolean {
  const nearestX = Math.max(box.x, Math.min(circle.x, box.x + box.width));
  const nearestY = Math.max(box.y, Math.min(circle.y, box.y + box.height));
  return (nearestX - circle.x) ** 2 + (nearestY - circle.y) ** 2 < circle.r ** 2;
}
