/**
 * Saving the ecomap as a file: the drawing itself (SVG, serialised as it is on screen) or a picture
 * of it (PNG, the SVG drawn onto a canvas at twice the size). The file names are generic: names of
 * downloads are kept in the browser's history.
 */

export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // What only matters on screen: focus order and sizing by the page.
  copy.querySelectorAll('[tabindex]').forEach((element) => element.removeAttribute('tabindex'));
  copy.removeAttribute('style');
  copy.removeAttribute('class');
  const [, , width, height] = (copy.getAttribute('viewBox') ?? '0 0 800 600').split(/\s+/).map(Number);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the address is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement): void {
  download(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }), 'ecomap.svg');
}

export async function pngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const markup = svgMarkup(svg);
  const [, , width = 800, height = 600] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The ecomap could not be drawn as a picture.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) {
      throw new Error('The ecomap could not be drawn as a picture.');
    }
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The ecomap could not be drawn as a picture.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(svg: SVGSVGElement): Promise<void> {
  download(await pngBlob(svg), 'ecomap.png');
}
