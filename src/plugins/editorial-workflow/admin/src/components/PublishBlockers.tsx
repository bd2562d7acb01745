import { Box, Typography } from '@strapi/design-system';
import type { PublishBlocker } from '../contracts';

/** What the server says blocks publication (open import flags, no publication date), as it words it. */
export const PublishBlockers = ({ blockers }: { blockers: PublishBlocker[] }) => (
  <Box background="warning100" borderColor="warning200" hasRadius padding={3} role="status" data-testid="editorial-workflow-publish-blockers">
    <Typography variant="omega" fontWeight="bold" textColor="neutral800">
      Publishing is blocked by:
    </Typography>
    <Box tag="ul" paddingLeft={4} style={{ margin: 0 }}>
      {blockers.map((blocker) => (
        <li key={blocker.code} data-blocker={blocker.code}>
          <Typography variant="pi" textColor="neutral800">
            {blocker.message}
          </Typography>
        </li>
      ))}
    </Box>
  </Box>
);
