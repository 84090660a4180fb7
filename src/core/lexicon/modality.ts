// What marks a clause as not yet fact: the future auxiliaries of English grammar, and the verbs of
// intention and expectation that take an infinitive ("plans to visit", "is expected to sign"). A
// statement that reports as done what its source only expects or plans ("has travelled" against
// "will soon travel") is not supported by it. Modals of possibility and obligation (can, may,
// should) are left out: they qualify a fact as often as they defer it.

/** Future auxiliaries, contracted forms included ("wo" is the stem of "won't"). */
export const FUTURE_AUXILIARIES: ReadonlySet<string> = new Set(['will', 'would', 'shall', "'ll", 'wo']);

/** All the modal auxiliaries, for grammar rather than modality: with a base verb after them they make a finite verb phrase ("would accept"). */
export const MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);

/** Auxiliaries of the perfect: "has travelled" reports an event as done. */
export const PERFECT_AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had']);

/** Verbs of intention and expectation, in their forms, when "to" and a verb follow. */
export const INTENTION_VERBS: ReadonlySet<string> = new Set(
  `plan plans planned planning hope hopes hoped hoping expect expects expected expecting intend intends intended intending
  aim aims aimed aiming want wants wanted wanting seek seeks sought seeking set going due likely`.split(/\s+/),
);
