import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { currentRequestScope } from './requestScope';

/** Operation names come from clients: long ones are cut so a log line stays a log line. */
const MAX_NAME_LENGTH = 100;
export const ANONYMOUS_OPERATION = '(anonymous)';

/**
 * Notes the request's operation name for its log line: the operation Apollo resolved, or, for a
 * document refused before that (syntax, validation, limits), the name the client sent.
 */
export function operationNamePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, request }) {
          const scope = currentRequestScope();
          if (!scope) return;
          const name = operationName ?? request.operationName;
          scope.operationName = name ? name.slice(0, MAX_NAME_LENGTH) : ANONYMOUS_OPERATION;
        },
      };
    },
  };
}
