import * as React from 'react';
import { Button, Divider, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useAuth, useNotification } from '@strapi/strapi/admin';
import type { WorkflowStatus } from '../contracts';
import { useAssignMutation, useGetAssigneesQuery } from '../services/api';
import { errorMessage } from '../services/errors';
import { fromDateInput, toDateInput } from '../utils/format';

type Props = { model: string; documentId: string; status: WorkflowStatus };

/**
 * Assignee and due date. The people come from `GET /editorial-workflow/assignees`
 * (names and roles, no e-mail addresses); whoever that route refuses (an Author)
 * sees the assignment read-only above and no editor here: the server decides.
 */
export const AssignmentEditor = ({ model, documentId, status }: Props) => {
  const assignees = useGetAssigneesQuery();
  const [assign, { isLoading }] = useAssignMutation();
  const { toggleNotification } = useNotification();
  const me = useAuth('EditorialWorkflowAssignment', (state) => state.user);
  const current = status.assignee ? String(status.assignee.id) : 'none';
  const [assignee, setAssignee] = React.useState<string>(current);
  const [due, setDue] = React.useState<string>(toDateInput(status.dueDate));

  React.useEffect(() => {
    setAssignee(current);
    setDue(toDateInput(status.dueDate));
  }, [current, status.dueDate]);

  if (!assignees.data) return null;
  const options = [...assignees.data];
  if (status.assignee && !options.some((user) => user.id === status.assignee?.id)) options.push({ ...status.assignee, roles: [] });
  const changed = assignee !== current || due !== toDateInput(status.dueDate);
  const myId = me?.id ? String(me.id) : null;

  const save = async () => {
    const result = await assign({ uid: model, documentId, assigneeId: assignee === 'none' ? null : Number(assignee), dueDate: fromDateInput(due) });
    if ('error' in result && result.error) toggleNotification({ type: 'danger', message: errorMessage(result.error) });
    else toggleNotification({ type: 'success', message: 'Assignment saved.' });
  };

  return (
    <>
      <Divider />
      <Flex direction="column" alignItems="stretch" gap={3} tag="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Typography tag="legend" variant="sigma" textColor="neutral600">
          Assignment
        </Typography>
        <Field.Root name="assignee" id="editorial-workflow-assignee">
          <Field.Label>Assignee</Field.Label>
          <SingleSelect aria-label="Assignee" value={assignee} onChange={(value: string | number) => setAssignee(String(value))} size="S">
            <SingleSelectOption value="none">Unassigned</SingleSelectOption>
            {options.map((user) => (
              <SingleSelectOption key={user.id} value={String(user.id)}>
                {user.roles.length ? `${user.name} (${user.roles.join(', ')})` : user.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="dueDate" id="editorial-workflow-due-date">
          <Field.Label>Due date</Field.Label>
          <Field.Input type="date" size="S" value={due} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setDue(event.target.value)} />
        </Field.Root>
        <Flex gap={2} wrap="wrap">
          <Button size="S" variant="secondary" onClick={save} disabled={!changed} loading={isLoading}>
            Save assignment
          </Button>
          {myId && assignee !== myId && options.some((user) => String(user.id) === myId) ? (
            <Button size="S" variant="tertiary" onClick={() => setAssignee(myId)}>
              Assign to me
            </Button>
          ) : null}
        </Flex>
      </Flex>
    </>
  );
};
