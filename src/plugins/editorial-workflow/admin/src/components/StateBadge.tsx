import { Flex, Typography } from '@strapi/design-system';
import type { WorkflowConfig } from '../contracts';
import { stateMeta } from '../hooks/useWorkflowConfig';

type Props = {
  config: WorkflowConfig | null | undefined;
  state: string;
  size?: 'S' | 'M';
  legalHold?: boolean;
  testId?: string;
};

/**
 * The workflow state as a coloured badge. The colour comes from the server's
 * configuration; the text uses theme colours, so it reads in light and dark themes,
 * and the state is always spelled out (colour is never the only signal).
 */
export const StateBadge = ({ config, state, size = 'M', legalHold = false, testId }: Props) => {
  const meta = stateMeta(config, state);
  return (
    <Flex
      gap={2}
      alignItems="center"
      paddingLeft={size === 'S' ? 2 : 3}
      paddingRight={size === 'S' ? 2 : 3}
      paddingTop={1}
      paddingBottom={1}
      hasRadius
      background="neutral0"
      borderColor="neutral200"
      data-workflow-state={state}
      data-testid={testId}
      style={{ borderLeft: `4px solid ${meta.color}`, width: 'max-content', maxWidth: '100%' }}
    >
      <span aria-hidden style={{ width: 8, height: 8, borderRadius: '50%', background: meta.color, flexShrink: 0 }} />
      <Typography variant={size === 'S' ? 'pi' : 'omega'} fontWeight="bold" textColor="neutral800" ellipsis={size === 'S'}>
        {meta.label}
        {legalHold ? ' · on legal hold' : ''}
      </Typography>
    </Flex>
  );
};
