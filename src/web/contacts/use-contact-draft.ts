import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { Commitment } from '../../domain/commitments.js';
import type { Contact } from '../../domain/contacts.js';
import { isApiError } from '../api/api-error';
import { api, ifMatch } from '../api/client';
import { promiseFromRow, type PromiseRowValues } from '../commitments/promise-row';
import { newKey } from '../ui/local-time';
import {
  changesFrom,
  draftBody,
  errorsByField,
  fieldsOf,
  fieldsOfBody,
  fieldsOfContact,
  isMeaningful,
  type ContactFields,
  type RecordErrors,
  type RecordValues,
} from './record-model';
import { afterContactChange, contactsKey } from './use-contacts';

interface Saved {
  contactId: string;
  version: number;
  status: Contact['status'];
  fields: ContactFields;
  note: string;
}

interface PendingPost {
  key: string;
  body: ReturnType<typeof draftBody>;
  /** Promise rows sent with it (a contact recorded in one go). */
  promiseKeys: string[];
}

export type DraftState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed' } | { kind: 'stale' };

/** A failure after which the request may or may not have reached the server. */
const uncertain = (error: unknown) => !isApiError(error) || error.status >= 500 || error.status === 429;

function savedFrom(contact: Contact): Saved {
  return {
    contactId: contact.id,
    version: contact.version,
    status: contact.status,
    fields: fieldsOfContact(contact),
    note: contact.notes.at(-1)?.text ?? '',
  };
}

/**
 * The contact being recorded, kept on the server as a draft while it is written (nothing in browser
 * storage), so a reload or a lost connection loses nothing. Every write goes through one queue, in
 * order. A new contact is POSTed with an Idempotency-Key kept here: when an answer is lost, the same
 * request is sent again with the same key, and the server records it once.
 */
export function useContactDraft(personId: string) {
  const queryClient = useQueryClient();
  const base = `/api/people/${personId}/contacts`;
  const saved = useRef<Saved | null>(null);
  const pending = useRef<PendingPost | null>(null);
  const savedPromises = useRef(new Set<string>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const [savedPromiseKeys, setSavedPromiseKeys] = useState<string[]>([]);

  const enqueue = useCallback(<T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const post = useCallback(
    async (attempt: PendingPost): Promise<Contact> => {
      pending.current = attempt;
      try {
        const contact = await api.post<Contact>(base, attempt.body, {
          headers: { 'idempotency-key': attempt.key },
        });
        pending.current = null;
        saved.current = savedFrom(contact);
        for (const key of attempt.promiseKeys) {
          savedPromises.current.add(key);
        }
        setSavedPromiseKeys([...savedPromises.current]);
        return contact;
      } catch (error) {
        if (!uncertain(error)) {
          pending.current = null; // refused: nothing was recorded, so the next try is a new request
        }
        throw error;
      }
    },
    [base],
  );

  /** Brings the server's copy in line with the form (draft fields only: what is valid so far). */
  const pushDraft = useCallback(
    async (values: RecordValues): Promise<void> => {
      if (pending.current) {
        await post(pending.current);
      }
      if (!saved.current) {
        if (!isMeaningful(values)) {
          return;
        }
        await post({ key: newKey(), body: draftBody(values), promiseKeys: [] });
        return;
      }
      if (saved.current.status !== 'draft') {
        return;
      }
      const current = saved.current;
      const changes = changesFrom(current.fields, fieldsOfBody(draftBody(values)));
      if (Object.keys(changes).length > 0) {
        const contact = await api.patch<Contact>(`${base}/${current.contactId}`, changes, ifMatch(current.version));
        saved.current = { ...savedFrom(contact), note: current.note };
      }
      const note = values.note.trim();
      if (note && note !== saved.current.note) {
        const contact = await api.put<Contact>(`${base}/${current.contactId}/note`, { text: note });
        saved.current = savedFrom(contact);
      }
    },
    [base, post],
  );

  /** Saves the draft now (the form calls this a moment after typing stops). */
  const saveDraft = useCallback(
    (values: RecordValues) =>
      enqueue(async () => {
        if (saved.current && saved.current.status !== 'draft') {
          return;
        }
        if (!saved.current && !isMeaningful(values) && !pending.current) {
          return;
        }
        setState({ kind: 'saving' });
        try {
          await pushDraft(values);
          setState(saved.current ? { kind: 'saved', at: new Date() } : { kind: 'idle' });
        } catch (error) {
          setState(isApiError(error, 412) ? { kind: 'stale' } : { kind: 'failed' });
        }
      }),
    [enqueue, pushDraft],
  );

  /** Carries on with a draft found on the server. */
  const adopt = useCallback((draft: Contact) => {
    saved.current = savedFrom(draft);
    pending.current = null;
    setState({ kind: 'saved', at: new Date(draft.notes.at(-1)?.writtenAt ?? draft.createdAt) });
  }, []);

  /** After a 412: the server's copy afresh; what the user typed stays in the form and is sent next. */
  const loadLatest = useCallback(
    () =>
      enqueue(async () => {
        if (!saved.current) {
          return;
        }
        const latest = await api.get<Contact>(`${base}/${saved.current.contactId}`);
        saved.current = savedFrom(latest);
        setState({ kind: 'saved', at: new Date() });
      }),
    [base, enqueue],
  );

  /**
   * Records the contact. With no draft yet, one request carries the contact, its note and its
   * promises. From a draft: the note, then the status and any changed fields (If-Match), then each
   * promise not yet saved — so pressing the button again after a failure only sends what is missing.
   */
  const record = useCallback(
    (values: RecordValues, body: ReturnType<typeof draftBody>, unsaved: PromiseRowValues[]) =>
      enqueue(
        async (): Promise<{ ok: true; contact: Contact } | { ok: false; error: unknown; errors: RecordErrors }> => {
          try {
            let contact: Contact | null = null;
            if (pending.current) {
              contact = await post(pending.current);
            }
            if (!saved.current) {
              contact = await post({ key: newKey(), body, promiseKeys: unsaved.map((row) => row.key) });
            }
            const current = saved.current!;
            const note = values.note.trim();
            if (note && note !== current.note) {
              contact = await api.put<Contact>(`${base}/${current.contactId}/note`, { text: note });
              saved.current = { ...savedFrom(contact), fields: current.fields };
            }
            const changes = changesFrom(saved.current!.fields, fieldsOf(values));
            if (saved.current!.status !== values.outcome || Object.keys(changes).length > 0) {
              contact = await api.patch<Contact>(
                `${base}/${current.contactId}`,
                { ...changes, status: values.outcome },
                ifMatch(saved.current!.version),
              );
              saved.current = savedFrom(contact);
            }
            const rows = unsaved.filter((row) => !savedPromises.current.has(row.key));
            for (const [index, row] of rows.entries()) {
              try {
                await api.post<Commitment>(`/api/people/${personId}/commitments`, {
                  ...promiseFromRow(row),
                  madeInContactId: current.contactId,
                });
              } catch (error) {
                const problems = isApiError(error)
                  ? error.fieldProblems.map((problem) => ({
                      path: ['promises', String(index), ...problem.field.split('.')],
                      message: problem.message,
                    }))
                  : [];
                return { ok: false, error, errors: errorsByField(problems, rows) };
              }
              savedPromises.current.add(row.key);
              setSavedPromiseKeys([...savedPromises.current]);
            }
            contact ??= await api.get<Contact>(`${base}/${current.contactId}`);
            // The list is read afresh where it is shown next (one audited read, not two).
            queryClient.removeQueries({ queryKey: contactsKey(personId) });
            await afterContactChange(queryClient, personId);
            return { ok: true, contact };
          } catch (error) {
            const problems = isApiError(error)
              ? error.fieldProblems.map((problem) => ({ path: problem.field.split('.'), message: problem.message }))
              : [];
            if (isApiError(error, 412)) {
              setState({ kind: 'stale' });
            }
            return { ok: false, error, errors: errorsByField(problems, unsaved) };
          }
        },
      ),
    [base, enqueue, personId, post, queryClient],
  );

  return {
    state,
    savedPromiseKeys,
    /** A contact exists on the server for this form (a draft, or recorded). */
    hasContact: () => saved.current !== null,
    isRecorded: () => saved.current !== null && saved.current.status !== 'draft',
    saveDraft,
    adopt,
    loadLatest,
    record,
  };
}
