import { z } from 'zod';
import {
  colleague,
  createStaffRequest,
  createTeamRequest,
  staffIdParams,
  staffMember,
  team,
  updateStaffRequest,
} from '../../domain/staff.js';
import { actorOf } from '../auth/plugin.js';
import { errorResponses } from '../http/responses.js';
import type { App, Services } from '../http/types.js';
import { createStaff, createTeam, listColleagues, listStaff, listTeams, updateStaff } from './staff.js';

const tags = ['Staff and teams'];

export function registerStaffRoutes(app: App, { db }: Services): void {
  app.get('/api/staff', {
    schema: {
      tags,
      summary: 'Everyone who signs in (administrators)',
      response: { 200: z.object({ items: z.array(staffMember) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listStaff(db, actorOf(request)) }),
  });

  app.post('/api/staff', {
    schema: {
      tags,
      summary: 'Add a member of staff (administrators)',
      body: createStaffRequest,
      response: { 201: staffMember, ...errorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await createStaff(db, actorOf(request), request.body)),
  });

  app.patch('/api/staff/:userId', {
    schema: {
      tags,
      summary: 'Change a colleague’s name, role, teams, or disable them (administrators)',
      params: staffIdParams,
      body: updateStaffRequest,
      response: { 200: staffMember, ...errorResponses },
    },
    handler: async (request) => updateStaff(db, actorOf(request), request.params.userId, request.body),
  });

  app.get('/api/teams', {
    schema: {
      tags,
      summary: 'Teams and their members',
      response: { 200: z.object({ items: z.array(team) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listTeams(db, actorOf(request)) }),
  });

  app.post('/api/teams', {
    schema: {
      tags,
      summary: 'Create a team (administrators)',
      body: createTeamRequest,
      response: { 201: team, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createTeam(db, actorOf(request), request.body.name)),
  });

  app.get('/api/colleagues', {
    schema: {
      tags,
      summary: 'Practitioners and supervisors you may allocate people to (supervisors: your teams; managers: everyone)',
      response: { 200: z.object({ items: z.array(colleague) }), ...errorResponses },
    },
    handler: async (request) => ({ items: await listColleagues(db, actorOf(request)) }),
  });
}
