import { Box, Flex, Loader, Typography } from '@strapi/design-system';
import type { CompareResult, TextChange } from '../contracts';
import { humanize } from '../utils/labels';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
};

const clip = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Unchanged text between changes: only its ends, so the changes stand out in a long body. */
const context = (text: string, index: number, last: number) => {
  if (text.length <= 200) return text;
  const head = index === 0 ? '' : text.slice(0, 90);
  const tail = index === last ? '' : text.slice(-90);
  return `${head} … ${tail}`;
};

/** A word-level text diff (from the server): insertions underlined in green, deletions struck in red. */
const TextDiff = ({ parts }: { parts: TextChange[] }) => (
  <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }} data-testid="editorial-workflow-text-diff">
    {parts.map((part, index) =>
      part.added ? (
        <ins key={index} style={{ background: 'rgba(46, 160, 67, 0.25)', textDecoration: 'underline' }}>
          {part.value}
        </ins>
      ) : part.removed ? (
        <del key={index} style={{ background: 'rgba(248, 81, 73, 0.25)' }}>
          {part.value}
        </del>
      ) : (
        <span key={index}>{context(part.value, index, parts.length - 1)}</span>
      ),
    )}
  </Typography>
);

type Props = { diff: CompareResult | undefined; loading?: boolean; error?: string | null; emptyText?: string; label?: string };

/** Field by field: what changed between two versions of a story (draft vs live, or two history versions). */
export const DiffView = ({ diff, loading, error, emptyText = 'No field differs.', label = 'Changes' }: Props) => {
  if (loading) return <Loader small>Loading the differences…</Loader>;
  if (error) {
    return (
      <Typography variant="pi" textColor="danger600" role="alert">
        {error}
      </Typography>
    );
  }
  // Only what changed: the server lists every content field.
  const changes = (diff?.fields ?? []).filter((field) => field.changed);
  if (changes.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Box tag="ul" aria-label={label} data-testid="editorial-workflow-diff" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {changes.map((change) => (
        <Box tag="li" key={change.field} paddingBottom={3} data-diff-field={change.field}>
          <Flex direction="column" alignItems="stretch" gap={1}>
            <Typography variant="sigma" textColor="neutral600">
              {humanize(change.field)}
            </Typography>
            {change.text ? (
              <TextDiff parts={change.text} />
            ) : (
              <Flex direction="column" alignItems="stretch" gap={1}>
                <Typography variant="pi" textColor="neutral700" style={{ whiteSpace: 'pre-wrap' }}>
                  <del style={{ background: 'rgba(248, 81, 73, 0.18)' }} aria-label="before">
                    {clip(show(change.before))}
                  </del>
                </Typography>
                <Typography variant="pi" textColor="neutral800" style={{ whiteSpace: 'pre-wrap' }}>
                  <ins style={{ background: 'rgba(46, 160, 67, 0.2)', textDecoration: 'none' }} aria-label="after">
                    {clip(show(change.after))}
                  </ins>
                </Typography>
              </Flex>
            )}
          </Flex>
        </Box>
      ))}
    </Box>
  );
};
