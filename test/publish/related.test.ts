import { describe, expect, it } from 'vitest';
import { related } from '../../src/publish/related.ts';
import { byId, library, published } from './support.ts';

describe('related summaries', () => {
  const all = library();

  it('picks summaries sharing topics, case-insensitively, most shared first and never the page itself', () => {
    const backPain = byId(all, 'p0000000000c3');
    const picks = related(backPain, all);
    // "Back Pain" + "pain management" are shared with the acute back pain review; nothing else shares a topic.
    expect(picks.map((p) => p.id)).toEqual(['p0000000000d4']);
  });

  it('leaves out summaries that share no topic', () => {
    const asthma = byId(all, 'p0000000000f6');
    expect(related(asthma, all)).toEqual([]);
  });

  it('breaks ties newest first and honours n', () => {
    const target = published(
      'p0000000000aa',
      byId(all, 'p0000000000e5').summary,
      byId(all, 'p0000000000e5').record,
      '2026-06-01T00:00:00Z',
    );
    const genetics = {
      ...target,
      summary: { ...target.summary, topics: ['GENETICS', 'thyroid', 'pain management'] },
    };
    const picks = related(genetics, all);
    // Each shares exactly one topic: order is by publication, newest first.
    expect(picks.map((p) => p.id)).toEqual([
      'p0000000000b2',
      'p0000000000c3',
      'p0000000000a1',
      'p0000000000e5',
      'p0000000000d4',
    ]);
    expect(related(genetics, all, 2).map((p) => p.id)).toEqual(['p0000000000b2', 'p0000000000c3']);
  });

  it('ranks a summary sharing two topics above newer ones sharing one', () => {
    const target = { ...byId(all, 'p0000000000a1'), id: 'p0000000000bb' };
    const probe = {
      ...target,
      summary: { ...target.summary, topics: ['back pain', 'primary care', 'genetics'] },
    };
    expect(related(probe, all).map((p) => p.id)).toEqual([
      'p0000000000d4',
      'p0000000000b2',
      'p0000000000c3',
      'p0000000000e5',
    ]);
  });
});
