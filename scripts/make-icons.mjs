// `npm run icons`: the app's icons from their one source, resources/icon.svg:
// PNGs for Linux and the window, icon.icns for macOS, icon.ico for Windows.
// Run it after changing the SVG, and commit what it writes.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'));
export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(resources, 'icons'), { recursive: true });
for (const size of SIZES)
  writeFileSync(join(resources, 'icons', `${size}x${size}.png`), render(size));
writeFileSync(join(resources, 'icon.png'), render(512));
const big = render(1024);
writeFileSync(join(resources, 'icon.icns'), png2icons.createICNS(big, png2icons.BICUBIC, 0));
writeFileSync(
  join(resources, 'icon.ico'),
  png2icons.createICO(big, png2icons.BICUBIC, 0, false, true),
);
process.stdout.write(
  `Wrote resources/icon.png, icons/*.png (${SIZES.join(', ')}), icon.icns, icon.ico\n`,
);
