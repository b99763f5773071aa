// incident.report / update / close: located by the hub, allowed within the caller's own area.
import type { Command } from '../../shared/protocol/commands';
import type { IncidentRecord } from '../store/records';
import { refuse, type DecideContext, type Decision } from './decision';

type IncidentCommand = Extract<Command, { type: `incident.${string}` }>;

const onChain = (ctx: DecideContext, units: string[]) => ctx.actor.roles.includes('admin') || units.includes(ctx.actor.unit);

export async function decideIncident(ctx: DecideContext, command: IncidentCommand): Promise<Decision> {
  const by = ctx.actor.username;
  if (command.type === 'incident.report') {
    const units = ctx.hierarchy.locate(command.location);
    if (!onChain(ctx, units)) return refuse('forbidden', `location is outside the area of unit ${ctx.actor.unit}`);
    const incident: IncidentRecord = {
      incidentId: ctx.newId(),
      title: command.title,
      kind: command.kind,
      board: command.board,
      severity: command.severity,
      location: command.location,
      units,
      ...(command.source !== undefined ? { source: command.source } : {}),
      status: 'open',
      reportedBy: by,
      reportedAt: new Date(ctx.nowMs).toISOString(),
    };
    const { status: _status, reportedBy: _by, reportedAt: _at, ...fields } = incident;
    return {
      ok: true,
      drafts: [{ type: 'incident.reported', ...fields, by }],
      ids: { incidentId: incident.incidentId },
      persist: (tx, nowMs) => tx.putIncident(incident, nowMs),
    };
  }
  const incident = await ctx.tx.getIncident(command.incidentId);
  if (!incident) return refuse('not_found', `incident ${command.incidentId} does not exist`);
  if (!onChain(ctx, incident.units)) return refuse('forbidden', `incident ${incident.incidentId} is outside the area of unit ${ctx.actor.unit}`);
  if (incident.status === 'closed') return refuse('conflict', `incident ${incident.incidentId} is closed`);
  const ids = { incidentId: incident.incidentId };
  if (command.type === 'incident.close') {
    return {
      ok: true,
      drafts: [{ type: 'incident.closed', incidentId: incident.incidentId, by }],
      ids,
      persist: (tx, nowMs) => tx.putIncident({ ...incident, status: 'closed' }, nowMs),
    };
  }
  const next: IncidentRecord = {
    ...incident,
    ...(command.title !== undefined ? { title: command.title } : {}),
    ...(command.severity !== undefined ? { severity: command.severity } : {}),
  };
  return {
    ok: true,
    drafts: [
      {
        type: 'incident.updated',
        incidentId: incident.incidentId,
        ...(command.title !== undefined ? { title: command.title } : {}),
        ...(command.severity !== undefined ? { severity: command.severity } : {}),
        by,
      },
    ],
    ids,
    persist: (tx, nowMs) => tx.putIncident(next, nowMs),
  };
}
