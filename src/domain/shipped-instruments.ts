import type { z } from 'zod';
import type { instrumentDefinition } from './instruments.js';

type DefinitionInput = z.input<typeof instrumentDefinition>;

const licence =
  'CC BY 4.0 — Rapport contributors. Not validated: written in plain language for conversation, not for diagnosis.';
const zeroToTen = { min: 0, max: 10 } as const;

/**
 * Rapport's own relationship check-in: four 0–10 statements from the seeds on relationship-based
 * practice. Not validated; the thresholds and the reliable-change size are starting points an
 * organisation can change in a new version. It is not ORS/SRS, WAI-SR, the Outcomes Star or CORE,
 * whose licences forbid shipping them.
 */
export const relationshipCheckin: DefinitionInput = {
  key: 'rapport-relationship',
  version: '1.0',
  title: 'How are we working together?',
  introduction:
    'Four quick questions about how things are going with your worker. There are no right answers. Your worker will see your answers and may ask about them, so you can work better together.',
  language: 'en',
  licence,
  validated: false,
  items: [
    {
      linkId: 'listened',
      type: 'scale',
      text: 'I felt listened to',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Completely' },
      alertAtOrBelow: 4,
    },
    {
      linkId: 'trust',
      type: 'scale',
      text: 'I trust my worker to do what they say',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Completely' },
      alertAtOrBelow: 4,
    },
    {
      linkId: 'what_matters',
      type: 'scale',
      text: 'We worked on what matters to me',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Completely' },
      alertAtOrBelow: 4,
    },
    {
      linkId: 'respected',
      type: 'scale',
      text: 'I felt respected',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Completely' },
      alertAtOrBelow: 4,
    },
    {
      linkId: 'anything_else',
      type: 'text',
      text: 'Is there anything you would like your worker to do differently?',
      required: false,
    },
  ],
  scoring: {
    total: { items: ['listened', 'trust', 'what_matters', 'respected'], method: 'sum' },
    subscales: [],
    reliableChange: 5,
    totalAlertAtOrBelow: 24,
  },
};

/** Rapport's own short wellbeing check-in: how life is going, in the person's view. Not validated. */
export const wellbeingCheckin: DefinitionInput = {
  key: 'rapport-wellbeing',
  version: '1.0',
  title: 'How are things for you?',
  introduction: 'Five quick questions about the last two weeks. Answer in the way that feels right to you.',
  language: 'en',
  licence,
  validated: false,
  items: [
    {
      linkId: 'overall',
      type: 'scale',
      text: 'Overall, how have things been for you?',
      ...zeroToTen,
      anchors: { min: 'Very hard', max: 'Very good' },
      alertAtOrBelow: 2,
    },
    {
      linkId: 'feeling',
      type: 'scale',
      text: 'How have you been feeling in yourself?',
      ...zeroToTen,
      anchors: { min: 'Very low', max: 'Very well' },
      alertAtOrBelow: 2,
    },
    {
      linkId: 'sleep',
      type: 'scale',
      text: 'How well have you been sleeping?',
      ...zeroToTen,
      anchors: { min: 'Very badly', max: 'Very well' },
    },
    {
      linkId: 'connected',
      type: 'scale',
      text: 'How close have you felt to people who matter to you?',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Very close' },
    },
    {
      linkId: 'coping',
      type: 'scale',
      text: 'How well have you been able to cope with everyday things?',
      ...zeroToTen,
      anchors: { min: 'Not at all', max: 'Very well' },
      alertAtOrBelow: 2,
    },
    { linkId: 'tell_us', type: 'text', text: 'Is there anything you want your worker to know?', required: false },
  ],
  scoring: {
    total: { items: ['overall', 'feeling', 'sleep', 'connected', 'coping'], method: 'sum' },
    subscales: [
      { id: 'mood', title: 'Feeling and coping', items: ['overall', 'feeling', 'coping'], method: 'mean' },
      { id: 'life', title: 'Sleep and people', items: ['sleep', 'connected'], method: 'mean' },
    ],
    reliableChange: 8,
  },
};

export const shippedInstruments = [relationshipCheckin, wellbeingCheckin];
