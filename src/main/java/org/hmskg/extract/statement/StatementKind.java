package org.hmskg.extract.statement;

/** What a sentence says, read from its final predicate (the sentence as a whole; clauses are not split). */
public enum StatementKind {
    /** Something done or reached: 〜した, 〜された, 〜行った, 〜となった, a noun ending reporting a past act (〜を締結。). */
    ACHIEVEMENT,
    /** Something under way or a current state: 〜している, 〜しているところ, 〜となっている, 〜である. */
    ONGOING,
    /** What will be done, is aimed at or is needed: 〜する, 〜図る, 〜目指す, 〜していく, 〜予定である, 〜必要がある. */
    COMMITMENT,
    /** A final predicate none of the rules knows (a fragment, an unknown kana ending): no kind is claimed. */
    UNCLASSIFIED
}
