import * as React from 'react';
import { Box, Button, Field, Flex, Modal, Table, Tbody, Td, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { BulkActionComponent, BulkActionComponentProps } from '@strapi/content-manager/strapi-admin';
import type { BulkAction, BulkOutcome } from '../contracts';
import { isUnderWorkflow, useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useBulkTransitionMutation } from '../services/api';
import { errorMessage } from '../services/errors';
import { actionLabel } from '../utils/labels';
import { StateBadge } from './StateBadge';

type BulkDocument = BulkActionComponentProps['documents'][number];

/** A row's title: the label or main text field the content types of this app carry. */
const titleOf = (document: BulkDocument): string => {
  const record = document as unknown as Record<string, unknown>;
  for (const key of ['label', 'headline', 'name', 'title']) if (typeof record[key] === 'string' && record[key]) return String(record[key]);
  return document.documentId;
};

const BULK_ACTIONS: { action: BulkAction; label: string; intro: string }[] = [
  { action: 'submit', label: 'Submit for review', intro: 'Each selected story is submitted on its own: the server answers for each one.' },
  { action: 'approve', label: 'Approve', intro: 'Each selected story is approved on its own; the four-eyes rule and legal holds apply to each.' },
  {
    action: 'publish',
    label: 'Publish',
    intro:
      'Only approved stories can be published; the publishing checks (open import flags, no publication date) apply to each. An Editor may give a reason to publish despite them. The server answers for each one.',
  },
];

type ContentProps = { model: string; documents: BulkDocument[]; action: BulkAction; intro: string; onClose: () => void };

/**
 * Run one transition on the selected documents through the plugin's bulk route
 * and show exactly what happened to each (done, or refused with the server's
 * reason). Nothing is promised before the server has answered.
 */
const BulkContent = ({ model, documents, action, intro, onClose }: ContentProps) => {
  const [bulk, { isLoading }] = useBulkTransitionMutation();
  const { data: config } = useWorkflowConfig();
  const [results, setResults] = React.useState<BulkOutcome[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [comment, setComment] = React.useState('');
  const [overrideReason, setOverrideReason] = React.useState('');

  const run = async () => {
    setError(null);
    const result = await bulk({
      uid: model,
      action,
      documentIds: documents.map((document) => document.documentId),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(action === 'publish' && overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
    });
    if ('error' in result && result.error) setError(errorMessage(result.error));
    else if ('data' in result && result.data) setResults(result.data.results);
  };

  const done = results?.filter((item) => item.outcome === 'done').length ?? 0;
  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="omega" textColor="neutral700">
            {results ? `${done} of ${results.length} done.` : `${documents.length} selected. ${intro}`}
          </Typography>
          {!results ? (
            <Field.Root name="bulkComment" id="editorial-workflow-bulk-comment" hint="Kept in each story's history.">
              <Field.Label>Comment (optional)</Field.Label>
              <Textarea value={comment} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setComment(event.target.value)} />
              <Field.Hint />
            </Field.Root>
          ) : null}
          {!results && action === 'publish' ? (
            <Field.Root
              name="bulkOverrideReason"
              id="editorial-workflow-bulk-override"
              hint="Only for stories the publishing checks block; kept in each of their histories with what it overrode. Editors only."
            >
              <Field.Label>Override reason (optional)</Field.Label>
              <Textarea value={overrideReason} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setOverrideReason(event.target.value)} />
              <Field.Hint />
            </Field.Root>
          ) : null}
          {error ? (
            <Typography variant="pi" textColor="danger600" role="alert">
              {error}
            </Typography>
          ) : null}
          <Box style={{ maxHeight: '24rem', overflowY: 'auto' }}>
            <Table colCount={2} rowCount={documents.length + 1} data-testid="editorial-workflow-bulk-outcome">
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Document</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{results ? 'Outcome' : 'Will be'}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {documents.map((document) => {
                  const outcome = results?.find((item) => item.documentId === document.documentId);
                  return (
                    <Tr key={document.documentId} data-bulk-document={document.documentId} data-bulk-ok={outcome ? String(outcome.outcome === 'done') : undefined}>
                      <Td>
                        <Typography variant="omega" textColor="neutral800" ellipsis style={{ maxWidth: '24rem' }}>
                          {titleOf(document)}
                        </Typography>
                      </Td>
                      <Td>
                        {!outcome ? (
                          <Typography variant="pi" textColor="neutral600">
                            {results ? 'No answer from the server' : 'asked of the server'}
                          </Typography>
                        ) : outcome.outcome === 'done' ? (
                          <Flex gap={2} alignItems="center">
                            <Typography variant="pi" textColor="success600" fontWeight="bold">
                              Done
                            </Typography>
                            <StateBadge config={config} state={outcome.state} size="S" />
                            {outcome.overridden?.length ? (
                              <Typography variant="pi" textColor="warning600" style={{ whiteSpace: 'normal' }}>
                                Checks overridden: {outcome.overridden.map((blocker) => blocker.message).join('; ')}
                              </Typography>
                            ) : null}
                          </Flex>
                        ) : (
                          <Typography variant="pi" textColor="danger600" style={{ whiteSpace: 'normal' }}>
                            {outcome.outcome === 'failed' ? 'Failed' : 'Refused'}: {outcome.message}
                          </Typography>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          </Box>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          {results ? 'Close' : 'Cancel'}
        </Button>
        {!results ? (
          <Button onClick={run} loading={isLoading} data-bulk-confirm={action}>
            {`${actionLabel(action)} ${documents.length}`}
          </Button>
        ) : null}
      </Modal.Footer>
    </>
  );
};

const bulkAction = ({ action, label, intro }: (typeof BULK_ACTIONS)[number]): BulkActionComponent => {
  const Component: BulkActionComponent = ({ model, documents }) => {
    const { data: config } = useWorkflowConfig();
    const selection = documents.map((document) => document.documentId).join(',');
    const latest = React.useRef(documents);
    latest.current = documents;
    // One component per selection: the list refetches after the action, and a new
    // component there would lose the outcome the dialog is showing.
    const Content = React.useMemo(
      () =>
        function BulkDialogContent({ onClose }: { onClose: () => void }) {
          const [frozen] = React.useState(latest.current);
          return <BulkContent model={model} documents={frozen} action={action} intro={intro} onClose={onClose} />;
        },
      [model, selection],
    );
    if (!isUnderWorkflow(config, model)) return null;
    return {
      label,
      variant: action === 'publish' ? 'default' : 'secondary',
      dialog: { type: 'modal', title: `${label}: ${documents.length} selected`, content: Content },
    };
  };
  return Component;
};

/**
 * The list's bulk actions for types under the workflow: Submit, Approve and
 * Publish through the workflow's bulk route with a per-document outcome. Strapi's
 * own bulk Publish ("Ready to publish 10") and Unpublish are replaced for these
 * types — they would promise what the gate refuses; other types keep them.
 */
export const withWorkflowBulkActions = (actions: BulkActionComponent[]): BulkActionComponent[] => {
  const [submit, approve, publish] = BULK_ACTIONS.map(bulkAction);
  const replaced = actions.flatMap((Original): BulkActionComponent[] => {
    if (Original.type !== 'publish' && Original.type !== 'unpublish') return [Original];
    const Wrapped: BulkActionComponent = (props) => {
      const description = Original(props);
      const ours = publish(props);
      const { data: config } = useWorkflowConfig();
      if (!isUnderWorkflow(config, props.model)) return description;
      return Original.type === 'publish' ? ours : null;
    };
    Wrapped.type = Original.type;
    return [Wrapped];
  });
  return [submit, approve, ...replaced];
};
