import type { TFunction } from 'i18next';
import type { AccessLogEntry } from '../../domain/audit.js';

/** Plain words for what someone did with a record; a refusal says so whatever the action. */
export function describeAction(t: TFunction, entry: AccessLogEntry): string {
  if (entry.outcome === 'denied') {
    return t('audit.actions.refused', { action: actionLabel(t, entry.action) });
  }
  if (entry.outcome === 'failed') {
    return t('audit.actions.failed', { action: actionLabel(t, entry.action) });
  }
  return actionLabel(t, entry.action);
}

function actionLabel(t: TFunction, action: string): string {
  switch (action) {
    case 'person.read':
      return t('audit.actions.read');
    case 'person.create':
      return t('audit.actions.create');
    case 'person.update':
      return t('audit.actions.update');
    case 'allocation.create':
      return t('audit.actions.allocate');
    case 'allocation.end':
      return t('audit.actions.endAllocation');
    case 'person.break_glass':
      return t('audit.actions.breakGlass');
    case 'person.restrict':
      return t('audit.actions.restrict');
    case 'person.unrestrict':
      return t('audit.actions.unrestrict');
    case 'person.access_log.read':
      return t('audit.actions.accessLogRead');
    default:
      return t('audit.actions.other', { action });
  }
}
