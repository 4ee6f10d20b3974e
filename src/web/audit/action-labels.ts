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

/** Audit actions in plain words: what the reader sees in the access log. */
const labels: Record<string, string> = {
  'person.read': 'audit.actions.read',
  'person.create': 'audit.actions.create',
  'person.update': 'audit.actions.update',
  'allocation.create': 'audit.actions.allocate',
  'allocation.end': 'audit.actions.endAllocation',
  'person.break_glass': 'audit.actions.breakGlass',
  'person.restrict': 'audit.actions.restrict',
  'person.unrestrict': 'audit.actions.unrestrict',
  'person.access_log.read': 'audit.actions.accessLogRead',
  'person.profile_items.read': 'audit.actions.profileItemsRead',
  'person.profile_item.create': 'audit.actions.profileItemCreate',
  'person.profile_item.archive': 'audit.actions.profileItemArchive',
  'person.contact_details.reveal': 'audit.actions.contactReveal',
  'person.contact_details.restrict': 'audit.actions.contactRestrict',
  'person.contact_details.unrestrict': 'audit.actions.contactUnrestrict',
  'person.history.read': 'audit.actions.historyRead',
  'person.network.read': 'audit.actions.networkRead',
  'person.network.create': 'audit.actions.networkCreate',
  'person.network.update': 'audit.actions.networkUpdate',
  'person.network.end': 'audit.actions.networkEnd',
  'person.network.contact_reveal': 'audit.actions.networkContactReveal',
  'person.consent.read': 'audit.actions.consentRead',
  'person.consent.create': 'audit.actions.consentCreate',
  'person.letter.print': 'audit.actions.letterPrint',
};

function actionLabel(t: TFunction, action: string): string {
  const key = labels[action];
  return key ? t(key as 'audit.actions.read') : t('audit.actions.other', { action });
}
