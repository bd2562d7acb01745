import * as React from 'react';
import { Box, Flex, Link as DSLink, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { Widget, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import * as qs from 'qs';
import type { AssignedItem } from '../contracts';
import { useWorkflowConfig } from '../hooks/useWorkflowConfig';
import { useGetMyQueueQuery } from '../services/api';
import { formatDate } from '../utils/format';
import { humanize } from '../utils/labels';
import { queueFilter, rememberQueueFilter } from './ListView';
import { StateBadge } from './StateBadge';

const editLink = (item: AssignedItem) => `/content-manager/collection-types/${item.uid}/${item.documentId}`;
export const queueLink = (uid: string, documentIds: string[]) =>
  `/content-manager/collection-types/${uid}?${qs.stringify({ page: 1, filters: queueFilter(documentIds) }, { encodeValuesOnly: true })}`;

/** "api::article.article" → "Article". */
const typeName = (uid: string) => humanize(uid.split('.').pop() ?? uid);

/**
 * Titles of the queued documents: one content-manager list request per type,
 * filtered to exactly those documentIds (what the user may read, in the
 * content manager's own words: its configured main field).
 */
const useTitles = (items: AssignedItem[]) => {
  const { get } = useFetchClient();
  const [titles, setTitles] = React.useState<Record<string, string>>({});
  const key = items.map((item) => `${item.uid}/${item.documentId}`).join(',');
  React.useEffect(() => {
    let cancelled = false;
    const byType = new Map<string, string[]>();
    for (const item of items) byType.set(item.uid, [...(byType.get(item.uid) ?? []), item.documentId]);
    void Promise.all(
      [...byType.entries()].map(async ([uid, ids]) => {
        try {
          const [{ data: configuration }, { data: list }] = await Promise.all([
            get<{ data?: { contentType?: { settings?: { mainField?: string } } } }>(`/content-manager/content-types/${uid}/configuration`),
            get<{ results?: Record<string, unknown>[] }>(`/content-manager/collection-types/${uid}`, {
              params: { page: 1, pageSize: ids.length, filters: { documentId: { $in: ids } } },
            }),
          ]);
          const mainField = configuration.data?.contentType?.settings?.mainField ?? 'documentId';
          return (list.results ?? []).map((row) => [String(row.documentId), String(row[mainField] ?? row.documentId)] as const);
        } catch {
          return [];
        }
      }),
    ).then((pairs) => {
      if (!cancelled) setTitles(Object.fromEntries(pairs.flat()));
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return titles;
};

/** The home page's "My queue": what is assigned to me, across every workflow type, by due date. */
export const MyQueueWidget = () => {
  const queue = useGetMyQueueQuery(undefined, { refetchOnMountOrArgChange: true });
  const { data: config } = useWorkflowConfig();
  const titles = useTitles(queue.data ?? []);

  if (queue.isLoading) return <Widget.Loading />;
  if (queue.error || !queue.data) return <Widget.Error />;
  if (queue.data.length === 0) return <Widget.NoData>Nothing is assigned to you.</Widget.NoData>;

  const types = [...new Set(queue.data.map((item) => item.uid))];
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="editorial-workflow-my-queue">
      <Table colCount={4} rowCount={queue.data.length}>
        <Tbody>
          {queue.data.map((item) => (
            <Tr key={`${item.uid}/${item.documentId}`} data-queue-document={item.documentId}>
              <Td>
                <DSLink tag={Link} to={editLink(item)} style={{ maxWidth: '18rem', display: 'block', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {titles[item.documentId] ?? item.documentId}
                </DSLink>
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600">
                  {typeName(item.uid)}
                </Typography>
              </Td>
              <Td>
                <StateBadge config={config} state={item.state} size="S" legalHold={item.legalHold} />
              </Td>
              <Td>
                <Typography variant="pi" textColor="neutral600">
                  {item.dueDate ? `due ${formatDate(item.dueDate)}` : 'no due date'}
                </Typography>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <Box>
        {types.map((uid) => (
          <DSLink key={uid} tag={Link} onClick={() => rememberQueueFilter(uid)} to={queueLink(uid, queue.data.filter((item) => item.uid === uid).map((item) => item.documentId))}>
            {`All of my queue in ${typeName(uid)} →`}
          </DSLink>
        ))}
      </Box>
    </Flex>
  );
};
