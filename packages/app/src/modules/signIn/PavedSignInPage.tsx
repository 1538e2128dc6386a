import { FormEvent, useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import {
  ConfigApi,
  configApiRef,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  forgetPersonOnSignOut,
  rememberDemoPerson,
  rememberedDemoPerson,
} from './demoIdentity';
import { oidcAuthApiRef } from './oidcAuth';

/** A person the sign-in page offers (config `auth.providers.demo.people`). */
export type DemoPerson = {
  user: string;
  displayName: string;
  description: string;
};

const SOMEONE_ELSE = '';
const DEMO_PERSON_HEADER = 'x-paved-demo-person';

function readPeople(config: ConfigApi): DemoPerson[] | undefined {
  const entries = config.getOptionalConfigArray('auth.providers.demo.people');
  return entries?.map(entry => ({
    user: entry.getString('user'),
    displayName:
      entry.getOptionalString('displayName') ?? entry.getString('user'),
    description: entry.getOptionalString('description') ?? '',
  }));
}

/**
 * Paved's sign-in page. With `paved.signIn.provider: oidc` (production), it
 * offers your identity provider; with demo sign-in configured (development),
 * it lets you pick who you are among the demo organisation's people;
 * otherwise it is Backstage's guest sign-in.
 */
export function PavedSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const people = readPeople(config);
  const [person, setPerson] = useState(rememberedDemoPerson);

  if (config.getOptionalString('paved.signIn.provider') === 'oidc') {
    const title =
      config.getOptionalString('paved.signIn.title') ?? 'Single sign-on';
    return (
      <SignInPage
        {...props}
        title="Sign in to Paved"
        align="center"
        providers={[
          {
            id: 'oidc-auth-provider',
            title,
            message: 'Sign in with your company account',
            apiRef: oidcAuthApiRef,
          },
        ]}
      />
    );
  }
  if (!people) {
    return <SignInPage {...props} providers={['guest']} />;
  }
  if (person) {
    return (
      <ProxiedSignInPage
        provider="demo"
        headers={{ [DEMO_PERSON_HEADER]: person }}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgetPersonOnSignOut(identity))
        }
        ErrorComponent={({ error }) => (
          <SignInFailed
            person={person}
            error={error}
            onChooseAgain={() => {
              rememberDemoPerson(undefined);
              setPerson(undefined);
            }}
          />
        )}
      />
    );
  }
  return (
    <DemoPersonPicker
      people={people}
      onPick={user => {
        rememberDemoPerson(user);
        setPerson(user);
      }}
    />
  );
}

function SignInFrame(props: { children: React.ReactNode }) {
  const organisation =
    useApi(configApiRef).getOptionalString('organization.name');
  return (
    <Page themeId="home">
      <Header
        title="Paved"
        subtitle={
          organisation
            ? `${organisation}'s developer platform, run as a product`
            : 'Your developer platform, run as a product'
        }
      />
      <Content>
        <Box sx={{ maxWidth: 640 }}>{props.children}</Box>
      </Content>
    </Page>
  );
}

export function DemoPersonPicker(props: {
  people: DemoPerson[];
  onPick: (user: string) => void;
}) {
  const { people, onPick } = props;
  const [choice, setChoice] = useState(people[0]?.user ?? SOMEONE_ELSE);
  const [someoneElse, setSomeoneElse] = useState('');
  const [problem, setProblem] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const user = (choice || someoneElse).trim().toLocaleLowerCase('en-US');
    if (!user) {
      setProblem('Type the catalog user name of the person, e.g. jonas.weber');
      return;
    }
    onPick(user);
  };

  return (
    <SignInFrame>
      <InfoCard title="Sign in to the demo">
        <form onSubmit={submit} noValidate>
          <Typography variant="body1" paragraph>
            This portal runs with demo sign-in: pick who you are and see Paved
            as they would. Platform PMs edit the roadmap and run surveys;
            everyone else answers, votes and reads.
          </Typography>
          <FormControl component="fieldset" fullWidth>
            <FormLabel component="legend" id="demo-person-label">
              Sign in as
            </FormLabel>
            <RadioGroup
              name="demo-person"
              aria-labelledby="demo-person-label"
              value={choice}
              onChange={event => {
                setChoice(event.target.value);
                setProblem(undefined);
              }}
            >
              {people.map(p => (
                <FormControlLabel
                  key={p.user}
                  value={p.user}
                  control={<Radio />}
                  label={
                    p.description
                      ? `${p.displayName}, ${p.description}`
                      : p.displayName
                  }
                />
              ))}
              <FormControlLabel
                value={SOMEONE_ELSE}
                control={<Radio />}
                label="Someone else in the catalog"
              />
            </RadioGroup>
          </FormControl>
          {choice === SOMEONE_ELSE && (
            <TextField
              label="Catalog user name"
              placeholder="e.g. zoe.nguyen"
              value={someoneElse}
              onChange={event => {
                setSomeoneElse(event.target.value);
                setProblem(undefined);
              }}
              error={Boolean(problem)}
              helperText={problem}
              fullWidth
              margin="normal"
            />
          )}
          <Box sx={{ mt: 2 }}>
            <Button type="submit" variant="contained" color="primary">
              Enter
            </Button>
          </Box>
        </form>
      </InfoCard>
    </SignInFrame>
  );
}

function SignInFailed(props: {
  person: string;
  error?: Error;
  onChooseAgain: () => void;
}) {
  return (
    <SignInFrame>
      <Alert
        severity="error"
        action={
          <Button color="inherit" onClick={props.onChooseAgain}>
            Choose someone else
          </Button>
        }
      >
        Could not sign in as {props.person}
        {props.error ? `: ${props.error.message}` : ''}
      </Alert>
    </SignInFrame>
  );
}
