import { z } from 'zod';
import { personIdParams } from '../../domain/people.js';
import {
  goalIdParams,
  goalView,
  newGoal,
  newGoalStep,
  newMilestone,
  planDiffQuery,
  planVersionRequest,
  planVersionView,
  progressRating,
} from '../../domain/plans.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import {
  addMilestone,
  addStep,
  createGoal,
  diffPlanVersions,
  listGoals,
  listPlanVersions,
  rateProgress,
  recordPlanVersion,
} from './goals.js';

const tags = ['Goals and plans'];

const planChange = z.object({ kind: z.string() }).catchall(z.unknown()).meta({ id: 'PlanChange' });

export function registerGoalRoutes(app: App, { db }: Services): void {
  app.get('/api/people/:personId/goals', {
    schema: {
      tags,
      summary: 'The person’s goals, in their words, with steps, progress and milestones',
      params: personIdParams,
      response: { 200: z.object({ items: z.array(goalView) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listGoals(db, actorOf(request), request.params.personId) }),
  });

  app.post('/api/people/:personId/goals', {
    schema: {
      tags,
      summary: 'A goal in the person’s own words, with its first steps (a dated step owed to them is also a promise)',
      params: personIdParams,
      body: newGoal,
      response: { 201: goalView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createGoal(db, actorOf(request), request.params.personId, request.body)),
  });

  app.post('/api/people/:personId/goals/:goalId/steps', {
    schema: {
      tags,
      summary: 'Add a step with its owner',
      params: goalIdParams,
      body: newGoalStep,
      response: { 201: goalView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await addStep(db, actorOf(request), request.params.personId, request.params.goalId, request.body)),
  });

  app.post('/api/people/:personId/goals/:goalId/progress', {
    schema: {
      tags,
      summary: 'The person rates their progress towards their goal, 0 to 10',
      params: goalIdParams,
      body: progressRating,
      response: { 201: goalView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await rateProgress(db, actorOf(request), request.params.personId, request.params.goalId, request.body)),
  });

  app.post('/api/people/:personId/goals/:goalId/milestones', {
    schema: {
      tags,
      summary: 'A milestone reached, to celebrate (with a short message for the person)',
      params: goalIdParams,
      body: newMilestone,
      response: { 201: goalView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await addMilestone(db, actorOf(request), request.params.personId, request.params.goalId, request.body)),
  });

  app.get('/api/people/:personId/plans', {
    schema: {
      tags,
      summary: 'Every agreed version of the plan, newest first',
      params: personIdParams,
      response: { 200: z.object({ items: z.array(planVersionView) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listPlanVersions(db, actorOf(request), request.params.personId) }),
  });

  app.post('/api/people/:personId/plans', {
    schema: {
      tags,
      summary: 'Record the plan as agreed: the current goals and steps, who took part, who agreed, any dissent',
      params: personIdParams,
      body: planVersionRequest,
      response: { 201: planVersionView, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordPlanVersion(db, actorOf(request), request.params.personId, request.body)),
  });

  app.get('/api/people/:personId/plans/diff', {
    schema: {
      tags,
      summary: 'What changed between two agreed versions (?from=1&to=2)',
      params: personIdParams,
      querystring: planDiffQuery,
      response: {
        200: z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(planChange) }),
        ...errorResponses,
      },
    },
    handler: async (request) =>
      diffPlanVersions(db, actorOf(request), request.params.personId, request.query.from, request.query.to),
  });
}
