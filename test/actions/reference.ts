// The reference for the MobileNetV2 action: nsfwjs's own tfjs inference (CPU backend: the one that
// runs offline in Node; @tensorflow/tfjs-node is not installed) on the same photograph, decoded
// by an independent PNG decoder (pngjs, not the action's stb_image).
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export interface Classified {
  probabilities: Record<string, number>;
  backend: string;
  width: number;
  height: number;
}

export async function classifyWithNsfwjs(pngFile: string): Promise<Classified> {
  // loaded with import, not require (DESIGN.md §4: the CommonJS build is seconds and 450 MB slower)
  const tf = await import('@tensorflow/tfjs');
  const { load } = await import('nsfwjs');
  await tf.setBackend('cpu');
  const png = PNG.sync.read(readFileSync(pngFile));
  const rgb = new Int32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i += 1) {
    for (let c = 0; c < 3; c += 1) rgb[i * 3 + c] = png.data[i * 4 + c]!;
  }
  const model = await load('MobileNetV2Mid', { type: 'graph' });
  const image = tf.tensor3d(rgb, [png.height, png.width, 3], 'int32');
  const top = await model.classify(image, 5);
  image.dispose();
  model.dispose();
  const probabilities = Object.fromEntries(top.map((c) => [c.className, c.probability]));
  return { probabilities, backend: tf.getBackend(), width: png.width, height: png.height };
}
