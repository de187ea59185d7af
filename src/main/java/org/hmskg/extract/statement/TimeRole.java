package org.hmskg.extract.statement;

/** What a time expression is to the statement it stands in. */
public enum TimeRole {
    /** By when the statement is to be done: 2023年度を目処に, 2022年夏を目途に, 2025年までに, a bare 2022年度に in a commitment. */
    DUE,
    /** From when: 2022年度から, 2021年度より, 2022年度以降, the first end of a range (2023～2025年度). */
    START,
    /** When it happened or happens: a plain time in an achievement or a current state (2022年3月に…選定した). */
    OCCURRENCE,
    /** The date a figure refers to: 2022年3月31日時点で, 2021年12月31日現在. */
    AS_OF
}
