import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import { GoldenPath } from '@paved/plugin-golden-paths-common';
import { Link as RouterLink } from 'react-router-dom';
import { scaffolderPath } from '../format';
import { usePathLink } from '../links';
import { PathChips, PathFacts } from './PathSummary';

/** "Use this path": the path's template in the Scaffolder. */
export function UsePathButton(props: {
  goldenPath: GoldenPath;
  /** The id of the element naming the path, for screen readers. */
  describedBy?: string;
}) {
  const { goldenPath, describedBy } = props;
  return (
    <Button
      variant="contained"
      component={RouterLink}
      to={scaffolderPath(goldenPath.namespace, goldenPath.name)}
      aria-describedby={describedBy}
    >
      Use this path
    </Button>
  );
}

/** A golden path in the catalog: what it gives you, how it does, where to start. */
export function PathCard({ goldenPath }: { goldenPath: GoldenPath }) {
  const pathLink = usePathLink();
  const titleId = `golden-path-${goldenPath.namespace}-${goldenPath.name}`;
  return (
    <Card
      component="article"
      aria-labelledby={titleId}
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography variant="h6" component="h3" id={titleId}>
          {goldenPath.title}
        </Typography>
        <PathChips goldenPath={goldenPath} />
        <Typography variant="body2">{goldenPath.description}</Typography>
        <PathFacts goldenPath={goldenPath} />
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <UsePathButton goldenPath={goldenPath} describedBy={titleId} />
        <Button
          component={RouterLink}
          to={pathLink(goldenPath.namespace, goldenPath.name)}
          aria-describedby={titleId}
        >
          Guide and services
        </Button>
      </CardActions>
    </Card>
  );
}
