/**
 * What every Paved frontend plugin does the same way.
 *
 * @packageDocumentation
 */
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/**
 * Base of the Paved API clients: calls one backend plugin through the portal's
 * discovery and fetch APIs, sending JSON and throwing a ResponseError on failure.
 */
export class PluginBackendClient {
  constructor(
    protected readonly pluginId: string,
    protected readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  /** The raw response of a request to the plugin's backend. */
  protected async send(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.options.discoveryApi.getBaseUrl(this.pluginId);
    const response = await this.options.fetchApi.fetch(`${base}${path}`, {
      ...init,
      headers: init?.body
        ? { 'Content-Type': 'application/json', ...init.headers }
        : init?.headers,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  /** The JSON body of a request to the plugin's backend (undefined for 204). */
  protected async request<T>(path: string, init?: RequestInit): Promise<T> {
    const response = await this.send(path, init);
    return response.status === 204 ? (undefined as T) : response.json();
  }
}

/** Saves text as a file through the browser. */
export function downloadText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export * from './errors';
export * from './format';
export { NotFoundPanel, type NotFoundPanelProps } from './NotFoundPanel';
export { ScrollTable } from './ScrollTable';
export { GroupPicker, type GroupPickerProps } from './GroupPicker';
export { useSearchParam } from './useSearchParam';
export { WarningChip } from './WarningChip';
export { PressedButton } from './PressedButton';

/**
 * An InfoCard's title as a level-2 heading (Backstage renders it as plain text),
 * so each card is a step in the page's heading outline: `titleTypographyProps`.
 */
export const CARD_HEADING = { component: 'h2' } as const;
export { Section, Empty, Figure, byState, nowrap } from './Section';
export {
  NoticesSection,
  type Notice,
  type NoticesSectionProps,
} from './NoticesSection';
