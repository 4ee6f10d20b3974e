/**
 * A change between two agreed plan versions, said in plain words: the i18n key of the sentence
 * and what goes into it. Booleans and owners arrive from the API as text ("true", "person").
 */
export interface PlanChangeInput {
  kind: string;
  [field: string]: unknown;
}

export type PlanSentence =
  | { key: 'goalAdded' | 'goalRemoved' | 'stepAdded' | 'stepRemoved'; text: string }
  | { key: 'goalChanged' | 'stepChanged'; field: string; before: string; after: string }
  | { key: 'stepDone' | 'stepUndone' }
  | { key: 'participantAdded' | 'participantRemoved'; name: string }
  | { key: 'participantAgreed' | 'participantDisagreed'; name: string }
  | { key: 'participantChanged'; name: string; field: string; before: string; after: string }
  | { key: 'other' };

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function planSentence(change: PlanChangeInput): PlanSentence {
  switch (change.kind) {
    case 'goal_added':
      return { key: 'goalAdded', text: str(change.text) };
    case 'goal_removed':
      return { key: 'goalRemoved', text: str(change.text) };
    case 'step_added':
      return { key: 'stepAdded', text: str(change.text) };
    case 'step_removed':
      return { key: 'stepRemoved', text: str(change.text) };
    case 'goal_changed':
      return { key: 'goalChanged', field: str(change.field), before: str(change.before), after: str(change.after) };
    case 'step_changed':
      if (change.field === 'done') {
        return { key: change.after === 'true' ? 'stepDone' : 'stepUndone' };
      }
      return { key: 'stepChanged', field: str(change.field), before: str(change.before), after: str(change.after) };
    case 'participant_added':
      return { key: 'participantAdded', name: str(change.name) };
    case 'participant_removed':
      return { key: 'participantRemoved', name: str(change.name) };
    case 'participant_changed':
      if (change.field === 'agreed') {
        return { key: change.after === 'true' ? 'participantAgreed' : 'participantDisagreed', name: str(change.name) };
      }
      return {
        key: 'participantChanged',
        name: str(change.name),
        field: str(change.field),
        before: str(change.before),
        after: str(change.after),
      };
    default:
      return { key: 'other' };
  }
}
