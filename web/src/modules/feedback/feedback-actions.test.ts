import { describe, expect, it } from 'vitest';
import { eventWords } from './feedback-events';
import { feedbackActions, feedbackActor, nextLevel, stepsFrom } from './feedback-actions';

const secretary = feedbackActor({ roles: [{ role: 'CELL_SECRETARY', cell: { id: '5' } }, { role: 'MEMBER' }] });
const communeStaff = feedbackActor({ roles: [{ role: 'COMMITTEE_STAFF', committee: { id: '3' } }] });
const districtStaff = feedbackActor({ roles: [{ role: 'COMMITTEE_STAFF', committee: { id: '2' } }] });
const member = feedbackActor({ roles: [{ role: 'MEMBER' }] });
const cell = { id: '5', committee: { id: '3' } };

describe('the life of a feedback', () => {
  it('goes up cell → commune → district and no further', () => {
    expect(nextLevel('CELL')).toBe('COMMUNE');
    expect(nextLevel('COMMUNE')).toBe('DISTRICT');
    expect(nextLevel('DISTRICT')).toBeNull();
  });

  it('offers the steps the database allows from each status', () => {
    expect(stepsFrom('RAISED', 'CELL')).toEqual(['answer', 'escalate']);
    expect(stepsFrom('ESCALATED', 'DISTRICT')).toEqual(['answer']);
    expect(stepsFrom('ANSWERED_IN_WRITING', 'COMMUNE')).toEqual(['close', 'escalate']);
    expect(stepsFrom('ANSWERED_ON_THE_SPOT', 'CELL')).toEqual(['close', 'escalate']);
    expect(stepsFrom('CLOSED', 'CELL')).toEqual([]);
  });
});

describe('feedbackActions', () => {
  it('lets a cell secretary act at the cell level of their own cell only', () => {
    expect(feedbackActions({ status: 'RAISED', level: 'CELL', cell }, secretary)).toEqual(['answer', 'escalate']);
    expect(feedbackActions({ status: 'RAISED', level: 'CELL', cell: { id: '6', committee: { id: '3' } } }, secretary)).toEqual([]);
    expect(feedbackActions({ status: 'ESCALATED', level: 'COMMUNE', cell }, secretary)).toEqual([]);
  });

  it('lets commune staff act at cell and commune level, not for the district', () => {
    expect(feedbackActions({ status: 'ESCALATED', level: 'COMMUNE', cell }, communeStaff)).toEqual(['answer', 'escalate']);
    expect(feedbackActions({ status: 'RAISED', level: 'CELL', cell }, communeStaff)).toEqual(['answer', 'escalate']);
    expect(feedbackActions({ status: 'ESCALATED', level: 'DISTRICT', cell }, communeStaff)).toEqual([]);
  });

  it('lets district staff answer at district level', () => {
    expect(feedbackActions({ status: 'ESCALATED', level: 'DISTRICT', cell }, districtStaff)).toEqual(['answer']);
  });

  it('shows a plain member no action', () => {
    expect(feedbackActions({ status: 'RAISED', level: 'CELL', cell }, member)).toEqual([]);
  });
});

describe('eventWords', () => {
  it('tells each step by where the feedback went', () => {
    expect(eventWords({ toStatus: 'RAISED', toLevel: 'CELL' })).toEqual({ key: 'feedback.event.raised', level: 'CELL', status: 'RAISED' });
    expect(eventWords({ toStatus: 'ESCALATED', toLevel: 'COMMUNE' }).key).toBe('feedback.event.escalated');
    expect(eventWords({ toStatus: 'ANSWERED_IN_WRITING', toLevel: 'COMMUNE' }).key).toBe('feedback.event.answeredInWriting');
  });
});
