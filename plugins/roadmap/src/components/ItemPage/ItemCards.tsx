import { ComponentType, Suspense, createContext, useContext } from 'react';
import { ErrorBoundary, Progress } from '@backstage/core-components';
import { RoadmapItem } from '@paved/plugin-roadmap-common';
import { RoadmapItemCardProps } from '@paved/plugin-roadmap-react';

/** The cards other plugins attached to item pages (the page extension's input). */
export const ItemCardsContext = createContext<
  ComponentType<RoadmapItemCardProps>[]
>([]);

/** The attached cards for one item; one failing card never takes the page down. */
export function ItemCards({ item }: { item: RoadmapItem }) {
  const cards = useContext(ItemCardsContext);
  const summary = { id: item.id, title: item.title, status: item.status };
  return (
    <>
      {cards.map((Card, index) => (
        <ErrorBoundary key={index}>
          <Suspense fallback={<Progress />}>
            <Card item={summary} />
          </Suspense>
        </ErrorBoundary>
      ))}
    </>
  );
}
