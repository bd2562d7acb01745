import * as React from 'react';
import { Box, Flex, IconButton, Typography } from '@strapi/design-system';
import { Cross } from '@strapi/icons';

type Variant = 'danger' | 'warning' | 'neutral';

const COLORS: Record<Variant, { background: string; border: string }> = {
  danger: { background: 'danger100', border: 'danger200' },
  warning: { background: 'warning100', border: 'warning200' },
  neutral: { background: 'neutral100', border: 'neutral200' },
};

type Props = {
  variant: Variant;
  title: string;
  children: React.ReactNode;
  /** `alert` for a refusal that just happened; `status` (default) for a standing fact. */
  role?: 'alert' | 'status';
  onDismiss?: () => void;
};

/** A compact notice for the narrow side panel (theme colours, so it reads in light and dark). */
export const Notice = ({ variant, title, children, role = 'status', onDismiss }: Props) => (
  <Box
    background={COLORS[variant].background as 'danger100'}
    borderColor={COLORS[variant].border as 'danger200'}
    hasRadius
    padding={3}
    role={role}
  >
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Flex justifyContent="space-between" alignItems="center" gap={2}>
        <Typography variant="omega" fontWeight="bold" textColor="neutral800">
          {title}
        </Typography>
        {onDismiss ? (
          <IconButton label={`Dismiss: ${title}`} variant="ghost" size="XS" onClick={onDismiss}>
            <Cross />
          </IconButton>
        ) : null}
      </Flex>
      <Typography variant="pi" textColor="neutral800" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Flex>
  </Box>
);
