import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 30,
  },
  mark: {
    fill: '#7df3e1',
  },
  word: {
    fill: '#ffffff',
    fontFamily: 'Helvetica, Arial, sans-serif',
    fontWeight: 700,
    fontSize: 30,
  },
});

/** The Paved wordmark: a paved road (three slabs) and the name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 140 36"
      role="img"
      aria-label="Paved"
    >
      <path className={classes.mark} d="M4 30 L12 6 H18 L14 30 Z" />
      <path className={classes.mark} d="M18 30 L20 6 H26 L28 30 Z" />
      <path className={classes.mark} d="M32 30 L28 6 H34 L42 30 Z" />
      <text className={classes.word} x="50" y="29">
        Paved
      </text>
    </svg>
  );
};
