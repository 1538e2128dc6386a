import { ReactNode } from 'react';
import Button from '@mui/material/Button';

/**
 * A view toggle ("Show as table", "By quarter"): a small button that stays
 * pressed, announced with `aria-pressed` and filled while on, so the state is
 * seen as well as heard.
 */
export function PressedButton(props: {
  pressed: boolean;
  onToggle: (pressed: boolean) => void;
  children: ReactNode;
}) {
  const { pressed, onToggle, children } = props;
  return (
    <Button
      size="small"
      variant={pressed ? 'contained' : 'outlined'}
      disableElevation
      aria-pressed={pressed}
      onClick={() => onToggle(!pressed)}
    >
      {children}
    </Button>
  );
}
