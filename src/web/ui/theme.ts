import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Mantine's default teal, red and orange are too light for text and white-on-colour buttons to
// meet WCAG AA. These deeper palettes keep shades 6–9 at 4.5:1 or more against white.
const teal: MantineColorsTuple = [
  '#e6f4f1',
  '#cce8e2',
  '#9fd3c8',
  '#6bbaab',
  '#3f9f8e',
  '#1f8576',
  '#137567',
  '#0e6458',
  '#0b5449',
  '#08443b',
];
const red: MantineColorsTuple = [
  '#fdecec',
  '#f9d3d3',
  '#f0a8a8',
  '#e57b7b',
  '#d65353',
  '#c53a3a',
  '#b02a2a',
  '#9b2222',
  '#861c1c',
  '#701616',
];
const orange: MantineColorsTuple = [
  '#fdf0e6',
  '#fadcc4',
  '#f4bd91',
  '#ec9a5c',
  '#d97b33',
  '#c2621c',
  '#a85214',
  '#914510',
  '#7a3a0d',
  '#63300b',
];

const systemFonts = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export const theme = createTheme({
  colors: { teal, red, orange },
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
});

/** Secondary text and error messages dark enough for AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
  },
  dark: {},
});
