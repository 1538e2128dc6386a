import Chip, { ChipProps } from '@mui/material/Chip';

/**
 * A chip for warnings ("Below goal", "Breaking change", "Older version"): dark
 * amber text on a pale amber ground, readable at any size (WCAG AA), unlike
 * white on MUI's orange.
 */
export function WarningChip(props: Omit<ChipProps, 'color' | 'variant'>) {
  const { sx, ...rest } = props;
  return (
    <Chip
      {...rest}
      sx={[
        {
          bgcolor: '#FFF4E5',
          color: '#663C00',
          border: '1px solid #B26A00',
          fontWeight: 500,
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    />
  );
}
