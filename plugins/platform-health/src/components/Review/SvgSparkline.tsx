/**
 * A series as a plain SVG line (no chart library): prints crisply and reads
 * the same on paper. The dashed line is the target.
 */
export function SvgSparkline(props: {
  values: Array<number | null>;
  target?: number | null;
  label: string;
}) {
  const known = props.values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const all =
    typeof props.target === 'number' ? [...known, props.target] : known;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const w = 120;
  const h = 32;
  const x = (i: number) => (i / (props.values.length - 1)) * (w - 4) + 2;
  const y = (v: number) =>
    max === min ? h / 2 : h - 2 - ((v - min) / (max - min)) * (h - 4);
  const segments: string[] = [];
  let current = '';
  props.values.forEach((v, i) => {
    if (v === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? ' L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (current) segments.push(current);
  return (
    <svg
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={props.label}
    >
      {typeof props.target === 'number' && (
        <line
          x1={0}
          x2={w}
          y1={y(props.target)}
          y2={y(props.target)}
          stroke="#757575"
          strokeDasharray="3 3"
        />
      )}
      {segments.map(d => (
        <path key={d} d={d} fill="none" stroke="#1F5493" strokeWidth={2} />
      ))}
    </svg>
  );
}
