// Types for eslint/layer-boundaries.js (imported by the lint-table unit test).
import type { ESLint } from 'eslint';

export interface LayerRule {
  values: string[];
  types: string[];
  job: string;
}
export const LAYERS: Record<string, LayerRule>;
export const ASSET_IMPORTS: Record<string, string[]>;
export const PACKAGES: Record<string, { banned: string[]; message: string }>;
export function layerOf(file: string, srcRoot: string): string | null;
export function checkImport(
  fromFile: string,
  specifier: string,
  kind: 'value' | 'type' | 'asset',
  srcRoot: string,
): string | null;
export const layerBoundaries: ESLint.Plugin;
