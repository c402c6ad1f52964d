// Assigning a case: from any open status, an owner address and a team (either may be taken away), one
// audited event, the clock untouched; and the team suggested from the topics by the admins' map.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnalysisSettings, loadTopicTeams } from '../../../src/config/analysis-settings.js';
import { CASE_STATUSES, OPEN_STATUSES } from '../../../src/domain/case-status.js';
import { decideAssignment, suggestTeam, type AssignableCase } from '../../../src/pipeline/case/assign-case.js';

const NOW = new Date('2017-06-12T10:00:00Z');
const open: AssignableCase = { status: 'acknowledged', dueDate: '2017-06-27', owner: null, team: null };

describe('decideAssignment', () => {
  it('gives the case an owner and a team with one event that keeps the due date', () => {
    const result = decideAssignment(open, { type: 'assign', owner: '  Jo.Smith@Council.example.gov.uk ', team: 'Housing team', by: 'lead@council.example.gov.uk' }, NOW);
    expect(result).toMatchObject({ ok: true, assignment: { owner: 'jo.smith@council.example.gov.uk', team: 'Housing team' } });
    if (!result.ok) return;
    expect(result.events).toEqual([{
      event: 'case_assigned', at: NOW, fromStatus: 'acknowledged', toStatus: 'acknowledged', cause: 'with jo.smith@council.example.gov.uk (Housing team)',
      details: {
        oldDueDate: '2017-06-27', newDueDate: '2017-06-27', owner: 'jo.smith@council.example.gov.uk', team: 'Housing team',
        previousOwner: null, previousTeam: null, by: 'lead@council.example.gov.uk',
      },
    }]);
  });

  it('is allowed from every open status and refused once the case is finished', () => {
    for (const status of CASE_STATUSES) {
      const result = decideAssignment({ ...open, status }, { type: 'assign', team: 'Finance' }, NOW);
      expect(result.ok, status).toBe(OPEN_STATUSES.includes(status));
    }
    expect(decideAssignment({ ...open, status: 'closed' }, { type: 'assign', team: 'Finance' }, NOW)).toMatchObject({ ok: false, reason: /reopen it first/ });
  });

  it('leaves what is not given, takes away what is given empty, and refuses a change that changes nothing', () => {
    const held = { ...open, owner: 'jo@example.gov.uk', team: 'Finance' };
    expect(decideAssignment(held, { type: 'assign', team: 'Housing' }, NOW)).toMatchObject({ ok: true, assignment: { owner: 'jo@example.gov.uk', team: 'Housing' } });
    expect(decideAssignment(held, { type: 'assign', owner: null }, NOW)).toMatchObject({ ok: true, assignment: { owner: null, team: 'Finance' } });
    expect(decideAssignment(held, { type: 'assign', owner: '' , team: null }, NOW)).toMatchObject({ ok: true, assignment: { owner: null, team: null } });
    expect(decideAssignment(held, { type: 'assign', owner: 'JO@example.gov.uk' }, NOW)).toMatchObject({ ok: false, reason: 'the case is already with jo@example.gov.uk (Finance)' });
    expect(decideAssignment(held, { type: 'assign' }, NOW)).toMatchObject({ ok: false, code: 'lifecycle.invalid_input' });
  });

  it('refuses an owner that is not an address and a team name that is too long or not printable', () => {
    expect(decideAssignment(open, { type: 'assign', owner: 'jo smith' }, NOW)).toMatchObject({ ok: false, reason: '"jo smith" is not an email address' });
    expect(decideAssignment(open, { type: 'assign', team: 'x'.repeat(81) }, NOW)).toMatchObject({ ok: false });
    expect(decideAssignment(open, { type: 'assign', team: 'a\u0007b' }, NOW)).toMatchObject({ ok: false });
  });
});

describe('suggestTeam and the topic→team map', () => {
  it('suggests the first of the case topics that has a team', () => {
    const teams = { housing: 'Housing team', finance: 'Finance' };
    expect(suggestTeam(['it_security', 'finance', 'housing'], teams)).toBe('Finance');
    expect(suggestTeam(['other'], teams)).toBeNull();
    expect(suggestTeam([], {})).toBeNull();
  });

  it('reads `teams` from the analysis settings file, empty by default, and refuses an unknown topic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teams-'));
    const file = (content: unknown) => {
      const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify(content));
      return path;
    };
    expect(loadTopicTeams(null)).toEqual({});
    expect(loadTopicTeams(file({ topicThreshold: 0.2 }))).toEqual({});
    expect(loadTopicTeams(file({ teams: { housing: ' Housing team ' }, topicKeywords: { cemeteries: ['burial'] } }))).toEqual({ housing: 'Housing team' });
    expect(loadTopicTeams(file({ teams: { cemeteries: 'Bereavement services' }, topicKeywords: { cemeteries: ['burial'] } }))).toEqual({ cemeteries: 'Bereavement services' });
    expect(() => loadTopicTeams(file({ teams: { parking: 'Parking' } }))).toThrow(/teams: unknown topic parking/);
    // Whatever loads the file refuses it too (the daemon, the admin settings page's save).
    expect(() => loadAnalysisSettings(file({ teams: { parking: 'Parking' } }))).toThrow(/teams: unknown topic parking/);
    expect(() => loadTopicTeams(file({ teams: { housing: '' } }))).toThrow(/FOI_ANALYSIS_CONFIG: teams.housing/);
  });
});
