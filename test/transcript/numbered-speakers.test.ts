/** Naming the voices speech recognition only numbered, from the call's own hand-overs (invented calls). */
import { describe, expect, it } from 'vitest';
import { nameNumberedSpeakers } from '../../src/transcript/numbered-speakers.js';
import type { Participant } from '../../src/transcript/types.js';

const voice = (name: string): Participant => ({ id: name.toLowerCase().replace(/\s+/g, '-'), name, title: null, firm: null, division: null, side: 'unknown', sideSource: 'unknown' });
const people = (...names: string[]) => names.map(voice);
const turns = (...pairs: [string, string][]) => pairs.map(([name, text]) => ({ speakerId: name.toLowerCase().replace(/\s+/g, '-'), text }));
const namesOf = (r: { participants: Participant[] }) => r.participants.map((p) => p.name);

describe('numbered voices named by the hand-overs', () => {
  it('takes the full name a turn hands the floor to, for the voice that speaks next', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3'),
      turns(
        ['Speaker 0', 'Good day and welcome. I would now like to turn the conference over to Dana Reyes, please go ahead.'],
        ['Speaker 1', 'Thank you. With me is our chief financial officer. I will hand it over to our CFO, Omar Haddad.'],
        ['Speaker 2', 'Thanks, Dana. Sales rose 4%.'],
        ['Speaker 0', 'We will go next to Priya Shah of Castle Bank.'],
        ['Speaker 3', 'Thanks. What about freight?'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Dana Reyes', 'Omar Haddad', 'Priya Shah']);
    expect(r.named).toEqual([
      { from: 'Speaker 1', to: 'Dana Reyes' },
      { from: 'Speaker 2', to: 'Omar Haddad' },
      { from: 'Speaker 3', to: 'Priya Shah' },
    ]);
  });

  it('leaves a voice numbered when the hand-overs disagree (diarization merged two people into it)', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1'),
      turns(
        ['Speaker 0', 'Our first question comes from Lena Ford with Ridge Capital.'],
        ['Speaker 1', 'How are margins?'],
        ['Speaker 0', 'Our next question comes from Karl Wendt with Orbit Research.'],
        ['Speaker 1', 'And pricing?'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1']);
    expect(r.named).toEqual([]);
  });

  it('takes no first name alone, no firm, no role in capitals, and no name someone listed already bears', () => {
    const r = nameNumberedSpeakers(
      [...people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3'), voice('Dana Reyes')],
      turns(
        ['Speaker 0', 'I will now turn the call over to Dave.'],
        ['Speaker 1', 'Thanks. Next question comes from Arma Capital.'],
        ['Speaker 2', 'Hello. Now over to Dana Reyes.'],
        ['Speaker 3', 'Thanks everyone. And over to Mr. Tomas Berg CEO, please.'],
        ['Dana Reyes', 'Thank you.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3', 'Dana Reyes']);
  });

  it('a stammered name is said once; a courtesy title is not part of it', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1'),
      turns(
        ['Speaker 0', 'The next question comes from the line of Miss Ines Ines Arellano from Delta Partners.'],
        ['Speaker 1', 'Hi, thanks for taking my question.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Ines Arellano']);
  });

  it('a name handed to in part is the one longer form the call has said ("over to Rafael" after "Rafael Ortiz, our CFO")', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3'),
      turns(
        ['Speaker 0', 'Welcome. With us are Rafael Ortiz, our CFO, and Ana Maria Lund, our CEO. Over to you, Ana Maria.'],
        ['Speaker 1', 'Thanks. Revenue rose. I will turn it over to Rafael.'],
        ['Speaker 2', 'Thank you. Margins held. Back to Ana Maria. Over to Pat.'],
        ['Speaker 3', 'Hello.'],
      ),
    );
    // "Pat" was never said in full: no name.
    expect(namesOf(r)).toEqual(['Speaker 0', 'Ana Maria Lund', 'Rafael Ortiz', 'Speaker 3']);
  });

  it('speech after a name is no part of it ("…to Vipul. Hi")', () => {
    const r = nameNumberedSpeakers(people('Speaker 0', 'Speaker 1'), turns(['Speaker 0', 'I hand over to Vipul Hi'], ['Speaker 1', 'Hi Rajesh.']));
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1']);
  });

  it('the one thanked at the start of a turn spoke just before; a voice that introduces itself is named so', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3'),
      turns(
        ['Speaker 0', 'Welcome. With us are Dana Reyes, our CEO, and Omar Haddad, our CFO.'],
        ['Speaker 1', 'Good morning. Orders rose in every region this quarter, led by industrial customers, and our new plant in Ohio reached full output in March. Freight costs fell, pricing held, and we repaid the last of our term loan, so the balance sheet is as strong as it has been in a decade.'],
        ['Speaker 2', 'Thanks, Dana, and good morning. Margins held.'],
        ['Speaker 3', 'Hi, this is Lena Ford from Ridge Capital. How is pricing?'],
      ),
    );
    // Speaker 1 is Dana (thanked by the next voice, named in full earlier); Speaker 2 is never named.
    expect(namesOf(r)).toEqual(['Speaker 0', 'Dana Reyes', 'Speaker 2', 'Lena Ford']);
  });

  it('a name saying it speaks names its own voice ("Hi, Omar. Rosa Ibarra speaking now.")', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        ['Speaker 0', 'Our next question comes from Omar Voss.'],
        ['Speaker 1', 'Hi. How much will you produce next year?'],
        ['Speaker 2', 'Okay. Hi, Omar. Rosa Ibarra speaking now. On volumes, we plan for about 90,000 units.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Omar Voss', 'Rosa Ibarra']);
    // Words that merely end on "speaking" name nobody.
    const plain = nameNumberedSpeakers(people('Speaker 0', 'Speaker 1'), turns(['Speaker 0', 'Generally speaking, demand held.'], ['Speaker 1', 'Broadly Speaking, yes.']));
    expect(namesOf(plain)).toEqual(['Speaker 0', 'Speaker 1']);
  });

  it('a voice that also speaks the operator\'s mechanics is two people merged: it keeps its number', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        ['Speaker 0', 'Welcome. I will now hand over to Lisa Holm.'],
        ['Speaker 1', 'Thank you. Sales rose in every region.'],
        ['Speaker 1', 'Our next question comes from Jon Berg. Please go ahead, your line is open.'],
        ['Speaker 2', 'Hi, this is Jon Berg. How is pricing?'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Jon Berg']);
  });

  it('another first name the call keeps calling a voice by contradicts a full name given it', () => {
    const long = 'Good morning. Orders rose in every region this quarter, led by industrial customers, and our new plant in Ohio reached full output in March. Freight costs fell, pricing held, and we repaid the last of our term loan, so the balance sheet is as strong as it has been in a decade.';
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        // The operator introduces the wrong person: the CEO speaks, and is thanked as Sven, twice.
        ['Speaker 0', 'I will now pass the line over to our first speaker, Maria Holm, CFO, please go ahead.'],
        ['Speaker 1', `${long} I hand over to Maria Holm.`],
        ['Speaker 2', `Thank you, Sven. ${long}`],
        ['Speaker 1', 'Thank you, Maria. Over to the operator.'],
        ['Speaker 2', 'Yes, as Sven said, margins held.'],
        ['Speaker 1', `${long} Maria?`],
        ['Speaker 2', `Thanks, Sven. ${long}`],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Maria Holm']);
    // A surname, a nickname or a misheard first name fits; a word said once is no contradiction.
    for (const cue of ['Holm', 'Mary', 'Marja']) {
      const fit = nameNumberedSpeakers(
        people('Speaker 0', 'Speaker 1', 'Speaker 2'),
        turns(['Speaker 0', 'Over to Maria Holm.'], ['Speaker 1', long], ['Speaker 2', `Thanks, ${cue}. ${long}`], ['Speaker 1', long], ['Speaker 2', `Thank you, ${cue}. Fine.`]),
      );
      expect(namesOf(fit), cue).toEqual(['Speaker 0', 'Maria Holm', 'Speaker 2']);
    }
  });

  it('reads hand-overs as calls say them: "…Pieter, the floor is yours", "over to Nadia for…", "Uh thanks Nadia"; a title after a name is no part of it', () => {
    const long = 'Orders rose in every region this quarter, led by industrial customers, and our new plant in Ohio reached full output in March. Freight costs fell, pricing held, and we repaid the last of our term loan, so the balance sheet is as strong as it has been in a decade.';
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3', 'Speaker 4'),
      turns(
        ['Speaker 0', 'With me are Ms Nadia Sorel Chief Executive Officer, Pieter Vos Chief Financial Officer and Mr Tom Lee Executive Chairman.'],
        ['Speaker 1', `${long} With that I will pass the call over to Nadia for the operating review.`],
        ['Speaker 2', `Thank you. ${long} That covers the regions. Pieter, the floor is yours.`],
        ['Speaker 3', `Uh thanks Nadia. ${long}`],
        ['Speaker 4', 'Yeah so thanks Nadia for that. Next question.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Nadia Sorel', 'Pieter Vos', 'Speaker 4']);
  });

  it('a turn that ends "Rafael will now review…" or calls on someone ("…Gustavo?") hands over too', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2', 'Speaker 3'),
      turns(
        ['Speaker 0', 'Our CFO Rafael Ortiz and COO Gustavo Lind are with me. Revenue grew. Rafael will now review profitability and our outlook.'],
        ['Speaker 1', 'Thanks. Margins rose. We will then take questions. Gustavo?'],
        ['Speaker 2', 'Thank you. Plants ran well.'],
        ['Speaker 3', 'Hello.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Rafael Ortiz', 'Gustavo Lind', 'Speaker 3']);
  });

  it('a turn that asks or invites someone to go on hands over ("I\'d like to ask Rafael to take you through…")', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        ['Speaker 0', 'With me are our CEO Nora Quill and our CFO Rafael Ortiz. Over to Nora.'],
        ['Speaker 1', "Thanks. Sales rose and the new plant opened. And now, I'd like to ask Rafael to take you through our results and the outlook."],
        ['Speaker 2', 'Thank you Nora. Margins rose.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Nora Quill', 'Rafael Ortiz']);
  });

  it('thanks after a one-line introduction greet the one about to answer, not the operator who spoke', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        ['Speaker 1', 'Our CFO Rafael Ortiz is with me today. Revenue grew.'],
        ['Speaker 0', 'Our next question comes from Lena.'],
        ['Speaker 2', 'Thanks, Rafael. How is pricing?'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Speaker 2']);
  });

  it('particles belong to the name ("Chasseloup de Chatillon", "Ana de la Cruz")', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(
        ['Speaker 0', 'With me is our CFO, Jean-Luc Marchand de Vries. I will now hand over to Ana de la Cruz.'],
        ['Speaker 1', 'Thanks. Sales rose. Over to Jean-Luc.'],
        ['Speaker 2', 'Thank you.'],
      ),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Ana de la Cruz', 'Jean-Luc Marchand de Vries']);
  });

  it('cues that disagree about a voice leave it numbered', () => {
    const r = nameNumberedSpeakers(
      people('Speaker 0', 'Speaker 1', 'Speaker 2'),
      turns(['Speaker 0', 'Over to Dana Reyes.'], ['Speaker 1', 'Good morning. Orders rose in every region this quarter, led by industrial customers, and our new plant in Ohio reached full output in March. Freight costs fell, pricing held, and we repaid the last of our term loan, so the balance sheet is as strong as it has been in a decade.'], ['Speaker 2', 'Thank you, Omar Haddad.']),
    );
    expect(namesOf(r)).toEqual(['Speaker 0', 'Speaker 1', 'Speaker 2']);
  });

  it('does nothing to a call whose voices are named', () => {
    const listed = people('Operator', 'Dana Reyes');
    const r = nameNumberedSpeakers(listed, turns(['Operator', 'Over to Omar Haddad.'], ['Dana Reyes', 'Thanks.']));
    expect(r.participants).toEqual(listed);
    expect(r.named).toEqual([]);
  });
});
