package org.hmskg.extract.statement;

import java.util.List;

import org.hmskg.extract.Span;

/**
 * One sentence of a text block and what it says.
 *
 * @param ordinal   position in the block, from 1
 * @param span      exactly the characters of the sentence (code points into the block's text, end exclusive);
 *                  never starts or ends with whitespace
 * @param continues a commitment that continues earlier work (引き続き, 今後も, 継続して …); false for other kinds
 * @param times     the sentence's time expressions that are times of the statement, in text order (dates inside
 *                  names, in a cited document's dating bracket, or qualifying a noun are not)
 * @param figures   figures of an achievement that take its date as their "as of"
 */
public record StatementFact(int ordinal, Span span, StatementKind kind, boolean continues, List<TimeFact> times,
                            List<FigureAsOf> figures) {
    public StatementFact {
        if (ordinal < 1) {
            throw new IllegalArgumentException("ordinal from 1: " + ordinal);
        }
        if (continues && kind != StatementKind.COMMITMENT) {
            throw new IllegalArgumentException("only a commitment continues earlier work");
        }
        times = List.copyOf(times);
        figures = List.copyOf(figures);
    }
}
