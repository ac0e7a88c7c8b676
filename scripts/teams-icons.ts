/**
 * Draws the Teams app icons into manifests/teams/ (run once; the PNGs are committed):
 * color.png, 192x192 full colour (the EU's ring of twelve gold stars on blue around the red star
 * of China's flag), and outline.png, 32x32 white on transparent, the same motif reduced to dots
 * and a star. Shapes are sampled 4x4 per pixel for smooth edges; the output is deterministic.
 *
 *   npx tsx scripts/teams-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];
type Shape = (x: number, y: number) => boolean;
const SAMPLES = 4;

/** A filled five-pointed star centred on (cx, cy), outer radius r, first point up. */
function star(cx: number, cy: number, r: number): Shape {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.382;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)] as const;
  });
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] ?? [0, 0];
      const [xj, yj] = points[j] ?? [0, 0];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const disc = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Twelve shapes on a circle, as on the EU flag. */
function ring(size: number, radius: number, make: (cx: number, cy: number) => Shape): Shape[] {
  const c = size / 2;
  return Array.from({ length: 12 }, (_, i) => {
    const a = (i * Math.PI) / 6;
    return make(c + radius * Math.sin(a), c - radius * Math.cos(a));
  });
}

/** Paints layers (shape + colour, later on top) over `background`, with supersampled coverage. */
function paint(size: number, background: Rgba, layers: readonly (readonly [Shape[], Rgba])[]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = x + (sx + 0.5) / SAMPLES;
          const py = y + (sy + 0.5) / SAMPLES;
          let colour = background;
          for (const [shapes, fill] of layers) if (shapes.some((s) => s(px, py))) colour = fill;
          colour.forEach((v, i) => (acc[i] = (acc[i] ?? 0) + v));
        }
      }
      const o = (y * size + x) * 4;
      for (let i = 0; i < 4; i++) png.data[o + i] = Math.round((acc[i] ?? 0) / (SAMPLES * SAMPLES));
    }
  }
  return png;
}

const EU_BLUE: Rgba = [0, 51, 153, 255];
const GOLD: Rgba = [255, 204, 0, 255];
const RED: Rgba = [222, 41, 16, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [255, 255, 255, 0];

const color = paint(192, EU_BLUE, [
  [ring(192, 66, (x, y) => star(x, y, 11)), GOLD],
  [[disc(96, 96, 38)], WHITE],
  [[star(96, 98, 32)], RED],
]);
const outline = paint(32, CLEAR, [
  [ring(32, 12.5, (x, y) => disc(x, y, 1.6)), WHITE],
  [[star(16, 16.6, 7.5)], WHITE],
]);

const dir = new URL('../manifests/teams/', import.meta.url);
writeFileSync(new URL('color.png', dir), PNG.sync.write(color));
writeFileSync(new URL('outline.png', dir), PNG.sync.write(outline));
process.stdout.write('wrote manifests/teams/color.png (192x192) and outline.png (32x32)\n');
