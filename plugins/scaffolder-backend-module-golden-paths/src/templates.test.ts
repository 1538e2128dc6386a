import {
  GOLDEN_PATH_GUIDE_ANNOTATION,
  GOLDEN_PATH_VERSION_ANNOTATION,
  isGoldenPathTemplate,
  sourceTemplateRef,
  TIME_SAVED_ANNOTATION,
} from '@paved/plugin-golden-paths-common';
import fs from 'node:fs';
import path from 'node:path';
import {
  GOLDEN_PATHS,
  GOLDEN_PATHS_DIR,
  listFiles,
  readEntity,
} from './__testUtils__/goldenPaths';
import { CHECK_NAME_ACTION_ID } from './actions/checkName';
import { PUBLISH_LOCAL_ACTION_ID } from './actions/publishLocal';
import {
  COMPONENT_NAME_MAX_LENGTH,
  COMPONENT_NAME_MIN_LENGTH,
  COMPONENT_NAME_PATTERN,
  componentNameProblem,
} from './componentName';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const ISO_DURATION = /^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;

const expected = {
  'typescript-service': { type: 'service', version: '2.1.0' },
  'react-web-app': { type: 'website', version: '1.4.0' },
  'shared-library': { type: 'library', version: '1.2.0' },
};

describe('templates.yaml', () => {
  it('is a Location listing every golden path', () => {
    const location = readEntity(path.join(GOLDEN_PATHS_DIR, 'templates.yaml'));
    expect(location.kind).toBe('Location');
    expect(location.spec?.targets).toEqual(
      GOLDEN_PATHS.map(name => `./${name}/template.yaml`),
    );
    const folders = fs
      .readdirSync(GOLDEN_PATHS_DIR, { withFileTypes: true })
      .filter(entry => entry.isDirectory())
      .map(entry => entry.name);
    expect(folders.sort()).toEqual([...GOLDEN_PATHS].sort());
  });
});

describe.each(GOLDEN_PATHS)('the %s golden path', name => {
  const dir = path.join(GOLDEN_PATHS_DIR, name);
  const skeleton = path.join(dir, 'skeleton');
  const template = readEntity(path.join(dir, 'template.yaml'));
  const spec = template.spec as any;
  const annotations = template.metadata.annotations ?? {};
  const step = (action: string) =>
    spec.steps.find((s: any) => s.action === action);

  it('is a v1beta3 Template marked as a golden path, with a semver version', () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    expect(template.metadata.name).toBe(name);
    expect(template.metadata.title).toEqual(expect.any(String));
    expect(template.metadata.description).toEqual(expect.any(String));
    expect(template.metadata.tags?.length).toBeGreaterThan(0);
    expect(isGoldenPathTemplate(template)).toBe(true);
    expect(annotations[GOLDEN_PATH_VERSION_ANNOTATION]).toMatch(SEMVER);
    expect(annotations[GOLDEN_PATH_VERSION_ANNOTATION]).toBe(
      expected[name].version,
    );
    expect(annotations[TIME_SAVED_ANNOTATION]).toMatch(ISO_DURATION);
  });

  it('has a guide saying what you get, how to run it, how it ships and where to ask', () => {
    const guide = annotations[GOLDEN_PATH_GUIDE_ANNOTATION];
    const headings = guide.match(/^## .+$/gm);
    expect(headings).toEqual([
      '## What you get',
      '## Run it',
      expect.stringMatching(/^## How it (deploys|ships)$/),
      '## Where to ask',
    ]);
  });

  it('is owned by the platform team, with a type and a lifecycle', () => {
    expect(spec.owner).toBe('group:default/platform-team');
    expect(spec.type).toBe(expected[name].type);
    expect(['production', 'beta', 'experimental', 'deprecated']).toContain(
      spec.lifecycle,
    );
  });

  it('asks for a name with the field that checks the actions’ rule while typing', () => {
    expect(spec.parameters).toHaveLength(1);
    const { required, properties } = spec.parameters[0];
    expect(required).toEqual(['name', 'description', 'owner']);
    const nameField = properties.name;
    expect(nameField.type).toBe('string');
    // The rule lives in golden-paths-common, said in words by the field and by
    // the check-name step; no regular expression reaches the user.
    expect(nameField['ui:field']).toBe('GoldenPathComponentName');
    expect(nameField.pattern).toBeUndefined();
    expect(nameField.description).toContain(
      `${COMPONENT_NAME_MIN_LENGTH} to ${COMPONENT_NAME_MAX_LENGTH}`,
    );
    for (const bad of ['../../etc', 'Foo', 'my service', 'a--b', '-a']) {
      expect(componentNameProblem(bad)).toBeDefined();
    }
    expect(componentNameProblem('orders-api')).toBeUndefined();
    expect(COMPONENT_NAME_PATTERN.test('orders-api')).toBe(true);
  });

  it('asks for a description and an owning group', () => {
    const { properties } = spec.parameters[0];
    expect(properties.description).toMatchObject({
      type: 'string',
      maxLength: 200,
    });
    expect(properties.owner).toMatchObject({
      type: 'string',
      'ui:field': 'GoldenPathOwner',
    });
    const owner = new RegExp(properties.owner.pattern);
    expect(owner.test('group:default/platform-team')).toBe(true);
    expect(owner.test('user:default/priya.raman')).toBe(false);
    expect(owner.test('platform-team')).toBe(false);
  });

  it('checks the name, renders the skeleton, then publishes and registers it', () => {
    expect(spec.steps.map((s: any) => s.action)).toEqual([
      CHECK_NAME_ACTION_ID,
      'fetch:template',
      PUBLISH_LOCAL_ACTION_ID,
    ]);
    expect(step(CHECK_NAME_ACTION_ID).input).toEqual({
      name: '${{ parameters.name }}',
    });
    expect(step('fetch:template').input).toEqual({
      url: './skeleton',
      values: {
        name: '${{ parameters.name }}',
        description: '${{ parameters.description }}',
        owner: '${{ parameters.owner }}',
        goldenPathVersion: annotations[GOLDEN_PATH_VERSION_ANNOTATION],
      },
    });
    expect(step(PUBLISH_LOCAL_ACTION_ID).input).toMatchObject({
      name: '${{ parameters.name }}',
    });
    const publishId = step(PUBLISH_LOCAL_ACTION_ID).id;
    expect(spec.output.links).toContainEqual(
      expect.objectContaining({
        title: 'Open in catalog',
        entityRef: `\${{ steps.${publishId}.output.entityRef }}`,
      }),
    );
    expect(JSON.stringify(spec.output.text)).toContain(
      `steps.${publishId}.output.remoteUrl`,
    );
  });

  it('has a skeleton whose catalog-info names this template and records its version', () => {
    const component = readEntity(path.join(skeleton, 'catalog-info.yaml'));
    expect(component.kind).toBe('Component');
    expect(component.metadata.name).toBe('${{ values.name }}');
    expect(sourceTemplateRef(component)).toBe(`template:default/${name}`);
    expect(
      component.metadata.annotations?.[GOLDEN_PATH_VERSION_ANNOTATION],
    ).toBe('${{ values.goldenPathVersion | dump }}');
    expect(component.spec).toEqual({
      type: spec.type,
      lifecycle: 'experimental',
      owner: '${{ values.owner }}',
    });
  });

  it('has a skeleton that is a complete project', () => {
    const files = listFiles(skeleton);
    expect(files).toEqual(
      expect.arrayContaining([
        '.gitignore',
        'README.md',
        'catalog-info.yaml',
        'package.json',
        'tsconfig.json',
      ]),
    );
    expect(files.some(file => /^src\/.+\.test\.tsx?$/.test(file))).toBe(true);
    const forbidden = files.filter(file =>
      /(^|\/)(node_modules|dist)\/|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/.test(
        file,
      ),
    );
    expect(forbidden).toEqual([]);

    const pkg = JSON.parse(
      fs.readFileSync(path.join(skeleton, 'package.json'), 'utf8'),
    );
    expect(pkg.name).toBe('${{ values.name }}');
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining(['build', 'test', 'start']),
    );
  });

  it('has a skeleton that uses only the values fetch:template passes', () => {
    const values = Object.keys(step('fetch:template').input.values);
    const problems: string[] = [];
    const used = new Set<string>();
    for (const file of listFiles(skeleton)) {
      const text = fs.readFileSync(path.join(skeleton, file), 'utf8');
      // Nunjucks reads these as tags or comments, or fails on them.
      if (/\{%|\{#|#\}/.test(text)) {
        problems.push(`${file} has a nunjucks tag or comment`);
      }
      for (const [expression, inner] of text.matchAll(/\$\{\{(.*?)\}\}/g)) {
        const value = inner.trim().match(/^values\.(\w+)/)?.[1];
        if (value && values.includes(value)) {
          used.add(value);
        } else {
          problems.push(`${file} uses ${expression}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...used].sort()).toEqual([...values].sort());
  });
});
