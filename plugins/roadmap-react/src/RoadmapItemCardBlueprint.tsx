import { ComponentType, lazy } from 'react';
import {
  createExtensionBlueprint,
  createExtensionDataRef,
} from '@backstage/frontend-plugin-api';

/** What a card on a roadmap item's page is told about the item. */
export interface RoadmapItemSummary {
  id: string;
  title: string;
  /** The item's stage, e.g. "alpha" or "generally-available". */
  status: string;
}

/** Props of a card on a roadmap item's page. */
export interface RoadmapItemCardProps {
  item: RoadmapItemSummary;
}

/** A card component for a roadmap item's page. */
export const roadmapItemCardDataRef = createExtensionDataRef<
  ComponentType<RoadmapItemCardProps>
>().with({ id: 'roadmap.item-card.component' });

/**
 * A card another plugin shows on every roadmap item's page, beside the item's demand
 * and history (for example user research's developer preview). The roadmap does not
 * know who attaches cards; a card may render nothing for an item.
 */
export const RoadmapItemCardBlueprint = createExtensionBlueprint({
  kind: 'roadmap-item-card',
  attachTo: { id: 'page:roadmap', input: 'itemCards' },
  output: [roadmapItemCardDataRef],
  dataRefs: { component: roadmapItemCardDataRef },
  *factory(params: {
    /** Loads the card lazily, so it does not weigh on the roadmap's first load. */
    loader: () => Promise<ComponentType<RoadmapItemCardProps>>;
  }) {
    yield roadmapItemCardDataRef(
      lazy(() => params.loader().then(component => ({ default: component }))),
    );
  },
});
