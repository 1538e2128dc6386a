import { Fragment, useMemo } from 'react';
import { Content, Header, Page } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { CustomHomepageGrid } from '@backstage/plugin-home';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';

/**
 * The portal home as a page like every other: a main landmark with the page's
 * level-1 heading, then the configurable grid of widgets.
 */
export function HomeLayout({ widgets, defaultConfig }: HomePageLayoutProps) {
  const configApi = useApi(configApiRef);
  const organisation =
    configApi.getOptionalString('organization.name') ?? 'Paved';
  const grid = useMemo(
    () =>
      defaultConfig?.map(item => ({
        component: item.component,
        x: item.column,
        y: item.row,
        width: item.width,
        height: item.height,
        movable: item.movable,
        deletable: item.deletable,
        resizable: item.resizable,
      })),
    [defaultConfig],
  );
  return (
    <Page themeId="home">
      <Header
        title={`${organisation} developer portal`}
        subtitle="Find software, start something new, see where the platform is going"
      />
      <Content>
        <CustomHomepageGrid config={grid}>
          {widgets.map((widget, index) => (
            <Fragment key={widget.name ?? index}>{widget.component}</Fragment>
          ))}
        </CustomHomepageGrid>
      </Content>
    </Page>
  );
}
