// Types for eslint.layers.js (plain JavaScript, as eslint loads it), for the test that reads it.
export const LAYERS: Record<string, number>;
export const layerRules: unknown[];
