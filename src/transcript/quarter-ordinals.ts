/**
 * Quarters said as ordinals ("third quarter", "3rd quarter"): one table for the call's own period
 * (its title, its welcome) and for a question's ("in the second quarter of 2020"; search/interpret).
 */
export const QUARTER_ORDINALS: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** The same ordinals as a regular-expression alternation. */
export const QUARTER_ORDINAL_WORDS = Object.keys(QUARTER_ORDINALS).join('|');
