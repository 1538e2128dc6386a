import Box from '@mui/material/Box';
import Table, { TableProps } from '@mui/material/Table';

// Backstage's theme lets table cells break words anywhere ("NP S", "+1 / 0"):
// here words and numbers stay whole, columns size to their content, and a table
// wider than its card scrolls sideways.
const cells = {
  '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
  '& thead th, & .MuiTableCell-alignRight, & .paved-nowrap': {
    whiteSpace: 'nowrap',
  },
} as const;

/**
 * A MUI table whose cells never break a number or a word in the middle, in a
 * container that scrolls horizontally when the table is wider than its card.
 * Right-aligned (numeric) cells, header cells and cells with the class
 * `paved-nowrap` never wrap at all.
 */
export function ScrollTable({ sx, ...props }: TableProps) {
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Table {...props} sx={[cells, ...(Array.isArray(sx) ? sx : [sx])]} />
    </Box>
  );
}
