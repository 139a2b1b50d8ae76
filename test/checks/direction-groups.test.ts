/**
 * Whose direction (issue 18, fourth round). A finding's direction is read
 * from its own claim verb, not from a direction word in a treatment's name
 * ("repairs, including reduction of water infiltration, increased symptom
 * days" claims an increase); and a results clause that states the
 * direction for the comparison group ("pressure was higher in the
 * anticoagulant-alone group than in the combined group") is a fall for the
 * treatment; and the clause read is one that names the outcome ("while their
 * sleepiness increased"), not one that names the groups more often; "no
 * statistical difference", "no significant increases" and "failed to obtain
 * statistical significance" say no difference; and a direction word the draft
 * uses to name its treatment ("aimed at enhancing") names it in the source
 * too. The abstracts are written for these tests; each flawed case
 * passed, and each faithful one was flagged, before this change.
 */
import { describe, expect, it } from 'vitest';
import { certaintyOn } from '../support/certainty.ts';

const repairs =
  'Children with asthma living in damp homes were randomized to home repairs or to cleaning advice. The repair group received household repairs, including reduction of water leaks and removal of damp building materials. After a year, the repair group had a significant decrease in symptom days (p = 0.003), whereas the advice group did not change.';
const pressure =
  'Patients with a lung clot were randomized to an anticoagulant alone or an anticoagulant plus a clot-dissolving drug. After 48 hours, lung artery pressure was significantly higher in the anticoagulant-alone group than in the combined group (p = 0.018).';

describe('the direction of a finding', () => {
  it('is read from the claim verb, not from a treatment named with a direction word', () => {
    const found = certaintyOn(
      'Compared with cleaning advice, household repairs, including reduction of water leaks, increased symptom days.',
      repairs,
    );
    expect(found[0]?.differs).toMatch(/decrease.*the draft an increase/);
    expect(
      certaintyOn(
        'Compared with cleaning advice, household repairs, including reduction of water leaks, reduced symptom days.',
        repairs,
      ),
    ).toEqual([]);
  });

  it('is turned round when the source states it for the comparison group', () => {
    expect(
      certaintyOn(
        'Compared with an anticoagulant alone, an anticoagulant plus a clot-dissolving drug reduced lung artery pressure.',
        pressure,
      ),
    ).toEqual([]);
    const found = certaintyOn(
      'Compared with an anticoagulant alone, an anticoagulant plus a clot-dissolving drug increased lung artery pressure.',
      pressure,
    );
    expect(found[0]?.differs).toMatch(/for the comparison group, which is a decrease for the draft's/);
  });

  it('is read from the clause that names the outcome, not one that names only the groups', () => {
    const sedation =
      'Children received drug K or drug M before dental treatment. Crying decreased significantly after drug K compared with drug M in these children (P = 0.002), while their sleepiness increased (P = 0.003).';
    const found = certaintyOn('Compared with drug M, drug K reduced sleepiness.', sedation);
    expect(found[0]?.differs).toMatch(/increase \("while their sleepiness increased/);
  });

  it('reads more ways of saying no difference', () => {
    const trial = (result: string) =>
      `Children were randomized to a gel or to drilling for tooth decay. ${result}`;
    for (const result of [
      'There was no statistical difference in the preference of treatment (P = 0.12).',
      'There were no significant increases in the preference of treatment in either group.',
      'The difference in preference of treatment failed to obtain statistical significance (p = 0.25).',
      'The gain in preference of treatment did not reach statistical significance (p = 0.25).',
    ])
      expect(
        certaintyOn(
          'Compared with drilling, the gel increased the preference of treatment.',
          trial(result),
        )[0]?.differs,
        result,
      ).toMatch(/no clear difference/);
  });

  it('does not read a direction word that names the treatment as its result', () => {
    const found = certaintyOn(
      'Compared with usual care, a support programme aimed at enhancing return to work increased work functioning.',
      'We developed a support programme aimed at enhancing return to work. Patients were randomized to the programme or usual care. Work functioning did not differ statistically between groups.',
    );
    expect(found[0]?.differs).toMatch(/no clear difference/);
  });
});
