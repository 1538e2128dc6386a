import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 28,
  },
  mark: {
    fill: '#7df3e1',
  },
});

/** The Paved mark alone, for the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 46 36"
      role="img"
      aria-label="Paved"
    >
      <path className={classes.mark} d="M4 30 L12 6 H18 L14 30 Z" />
      <path className={classes.mark} d="M18 30 L20 6 H26 L28 30 Z" />
      <path className={classes.mark} d="M32 30 L28 6 H34 L42 30 Z" />
    </svg>
  );
};
