// Tag colours offered as swatches: distinct in light and dark themes, readable as small dots.
export const TAG_PALETTE = [
  '#4f5bd5',
  '#2f8f83',
  '#3d8b3d',
  '#b58900',
  '#d9731a',
  '#c5362f',
  '#b83280',
  '#7b4fd5',
  '#5b6b7f',
  '#8a6a4f',
] as const;
