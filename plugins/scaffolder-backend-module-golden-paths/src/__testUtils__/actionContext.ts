import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

type ContextOf<A extends TemplateAction<any, any, any>> = Parameters<
  A['handler']
>[0];

/** The person the test runs templates as. */
export const INITIATOR = 'user:default/priya.raman';

/**
 * The context the scaffolder would hand `action` in a task step, with the
 * outputs collected so a test can read them. Built by hand rather than with
 * scaffolder-node-test-utils, which pulls in an older scaffolder-node.
 */
export function actionContext<A extends TemplateAction<any, any, any>>(
  _action: A,
  options: {
    input: ContextOf<A>['input'];
    workspacePath: string;
    user?: ContextOf<A>['user'];
    templateInfo?: ContextOf<A>['templateInfo'];
  },
): { ctx: ContextOf<A>; outputs: Record<string, unknown> } {
  const outputs: Record<string, unknown> = {};
  const ctx = {
    logger: mockServices.logger.mock(),
    workspacePath: options.workspacePath,
    input: options.input,
    user: options.user,
    templateInfo: options.templateInfo,
    task: { id: 'task-1' },
    output(name: string, value: unknown) {
      outputs[name] = value;
    },
    async checkpoint<T>({ fn }: { fn: () => Promise<T> | T }) {
      return fn();
    },
    async createTemporaryDirectory() {
      return fs.mkdtemp(path.join(os.tmpdir(), 'golden-paths-test-'));
    },
    async getInitiatorCredentials() {
      return mockCredentials.user(INITIATOR);
    },
  } as unknown as ContextOf<A>;
  return { ctx, outputs };
}
