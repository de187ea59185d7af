package org.hmskg.extract.statement;

import org.hmskg.extract.Span;
import org.hmskg.parse.DateValue;

/**
 * A figure of an achievement that states no "as of" of its own and so refers to when the achievement happened
 * ({@code 2022年3月に 32業種 50社を選定し} → 32 and 50 as of 2022-03).
 *
 * @param quantityIndex the figure's position in {@code Facts.quantities()} of the block, from 0 (the block's
 *                      quantity IRIs number them from 1)
 * @param fiscal        true when the value is a fiscal year ({@code hms:asOfFiscalYear}), else {@code hms:asOf}
 */
public record FigureAsOf(int quantityIndex, Span quantity, DateValue value, boolean fiscal) {
}
